package nl.weerbaar.matching.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.weerbaar.matching.AssignmentView;
import nl.weerbaar.matching.BatchPreview;
import nl.weerbaar.matching.DeclineReason;
import nl.weerbaar.matching.Matching;
import nl.weerbaar.matching.Suggestions;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.Role;
import nl.weerbaar.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Tag(name = "Matching", description = "Supporter suggestions, proposals and their answers, batch assignment")
class MatchingApiController {

	private final Matching matching;

	MatchingApiController(Matching matching) {
		this.matching = matching;
	}

	record Proposal(UUID supporterId) {
	}

	record Decline(DeclineReason reason) {
	}

	record Batch(List<UUID> requestIds) {
	}

	record Commit(List<BatchPreview.Assignment> assignments) {
	}

	@GetMapping("/api/v1/support-requests/{id}/suggestions")
	@Operation(summary = "Eligible supporters best first with the reasons of their score, and every excluded one with why (coordinators)")
	Suggestions suggestions(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me) {
		return matching.suggestions(id, actor(me)).orElseThrow(MatchingApiController::notFound);
	}

	@PostMapping("/api/v1/support-requests/{id}/assignment")
	@Operation(summary = "Propose a supporter; the hard rules are checked again (409 when no longer eligible)")
	ResponseEntity<AssignmentView> propose(@PathVariable UUID id, @RequestBody Proposal proposal,
			@AuthenticationPrincipal AccountPrincipal me) {
		AssignmentView made = matching.propose(id, proposal.supporterId(), actor(me)).orElseThrow(MatchingApiController::notFound);
		return ResponseEntity.created(URI.create("/api/v1/proposals/" + made.id())).body(made);
	}

	@GetMapping("/api/v1/support-requests/{id}/assignments")
	@Operation(summary = "Every proposal made for a request (coordinators)")
	List<AssignmentView> ofRequest(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me) {
		return matching.ofRequest(id, actor(me));
	}

	@PostMapping({ "/api/v1/support-requests/{id}/assignment/acceptance", "/api/v1/support-requests/{id}/assignment/accept" })
	@Operation(summary = "Accept the proposal of this request made to you (the same as accepting it by its own id)")
	AssignmentView acceptForRequest(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me) {
		return matching.proposalFor(id, actor(me)).flatMap(proposal -> matching.accept(proposal, actor(me)))
			.orElseThrow(MatchingApiController::notFound);
	}

	@PostMapping("/api/v1/support-requests/{id}/assignment/decline")
	@Operation(summary = "Decline the proposal of this request made to you, with a reason")
	AssignmentView declineForRequest(@PathVariable UUID id, @RequestBody Decline decline, @AuthenticationPrincipal AccountPrincipal me) {
		return matching.proposalFor(id, actor(me)).flatMap(proposal -> matching.decline(proposal, decline.reason(), actor(me)))
			.orElseThrow(MatchingApiController::notFound);
	}

	@GetMapping("/api/v1/proposals")
	@Operation(summary = "The proposals made to the signed-in supporter")
	List<AssignmentView> mine(@AuthenticationPrincipal AccountPrincipal me) {
		return matching.mine(actor(me));
	}

	@PostMapping({ "/api/v1/proposals/{id}/acceptance", "/api/v1/proposals/{id}/accept" })
	@Operation(summary = "Accept a proposal: the request is assigned to you")
	AssignmentView accept(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me) {
		return matching.accept(id, actor(me)).orElseThrow(MatchingApiController::notFound);
	}

	@PostMapping("/api/v1/proposals/{id}/decline")
	@Operation(summary = "Decline a proposal with a reason (NO_TIME, CONFLICT_OF_INTEREST, KNOWS_PERSON, OTHER)")
	AssignmentView decline(@PathVariable UUID id, @RequestBody Decline decline, @AuthenticationPrincipal AccountPrincipal me) {
		return matching.decline(id, decline.reason(), actor(me)).orElseThrow(MatchingApiController::notFound);
	}

	@PostMapping("/api/v1/matching/batch")
	@Operation(summary = "Preview the optimal assignment of these requests (nothing is proposed yet)")
	BatchPreview preview(@RequestBody Batch batch, @AuthenticationPrincipal AccountPrincipal me) {
		return matching.preview(batch.requestIds(), actor(me));
	}

	@PostMapping("/api/v1/matching/batch/commit")
	@Operation(summary = "Propose the assignments kept from a preview, each checked again")
	BatchPreview.Result commit(@RequestBody Commit commit, @AuthenticationPrincipal AccountPrincipal me) {
		return matching.commit(commit.assignments(), actor(me));
	}

	static Actor actor(AccountPrincipal me) {
		return me.actingAs(Role.COORDINATOR, Role.SUPPORTER);
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "Not found.");
	}
}
