package nl.weerbaar.cases.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.weerbaar.cases.CaseData;
import nl.weerbaar.cases.CaseStatus;
import nl.weerbaar.cases.CaseSummary;
import nl.weerbaar.cases.CaseView;
import nl.weerbaar.cases.Cases;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.Role;
import nl.weerbaar.shared.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases over JSON: the caller's own (a supporter's, a client's; all for a coordinator), one case, and its contacts,
 * actions, follow-up, transfer, closure and evaluation. A case the caller may not see answers 404.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "The support given once a supporter accepted a request")
class CaseApiController {

	private final Cases cases;

	CaseApiController(Cases cases) {
		this.cases = cases;
	}

	record DoneBody(Boolean done) {
	}

	@GetMapping
	@Operation(summary = "The caller's cases, by what is due first (all for a coordinator); status OPEN or CLOSED filters")
	List<CaseSummary> list(@RequestParam(required = false) CaseStatus status, @AuthenticationPrincipal AccountPrincipal me) {
		return cases.list(status, actor(me));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One case: for its supporter and coordinators the whole case, for its client the client's view")
	Object find(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me) {
		Actor actor = actor(me);
		if (Role.CLIENT.name().equals(actor.role())) {
			return cases.clientView(id, actor).orElseThrow(CaseController::notFound);
		}
		return cases.find(id, actor).orElseThrow(CaseController::notFound);
	}

	@PostMapping("/{id}/contacts")
	@Operation(summary = "Record a contact; the first one ends the first-contact deadline")
	ResponseEntity<CaseView.ContactView> recordContact(@PathVariable UUID id, @RequestBody CaseData.Contact body,
			@AuthenticationPrincipal AccountPrincipal me) {
		CaseView.ContactView contact = cases.recordContact(id, body, actor(me)).orElseThrow(CaseController::notFound);
		return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/contacts/" + contact.id())).body(contact);
	}

	@GetMapping("/{id}/contacts/{contactId}")
	CaseView.ContactView contact(@PathVariable UUID id, @PathVariable UUID contactId, @AuthenticationPrincipal AccountPrincipal me) {
		return cases.contact(id, contactId, actor(me)).orElseThrow(CaseController::notFound);
	}

	@PostMapping("/{id}/actions")
	@Operation(summary = "Agree an action: what, who (SUPPORTER, CLIENT, COORDINATOR, PARTNER, OTHER), due date")
	ResponseEntity<CaseView.ActionView> agreeAction(@PathVariable UUID id, @RequestBody CaseData.Action body,
			@AuthenticationPrincipal AccountPrincipal me) {
		CaseView.ActionView action = cases.agreeAction(id, body, actor(me)).orElseThrow(CaseController::notFound);
		return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/actions/" + action.id())).body(action);
	}

	@GetMapping("/{id}/actions/{actionId}")
	CaseView.ActionView action(@PathVariable UUID id, @PathVariable UUID actionId, @AuthenticationPrincipal AccountPrincipal me) {
		return cases.action(id, actionId, actor(me)).orElseThrow(CaseController::notFound);
	}

	@PutMapping("/{id}/actions/{actionId}/done")
	@Operation(summary = "Mark an action done ({\"done\": true}) or open again ({\"done\": false})")
	CaseView.ActionView completeAction(@PathVariable UUID id, @PathVariable UUID actionId, @RequestBody(required = false) DoneBody body,
			@AuthenticationPrincipal AccountPrincipal me) {
		boolean done = body == null || body.done() == null || body.done();
		return cases.completeAction(id, actionId, done, actor(me)).orElseThrow(CaseController::notFound);
	}

	@PutMapping("/{id}/follow-up")
	@Operation(summary = "Set the next follow-up date ({\"on\": \"2026-12-01\"}), or clear it with null")
	CaseView followUp(@PathVariable UUID id, @RequestBody CaseData.FollowUp body, @AuthenticationPrincipal AccountPrincipal me) {
		return cases.setFollowUp(id, body, actor(me)).orElseThrow(CaseController::notFound);
	}

	@PostMapping("/{id}/transfer")
	@Operation(summary = "A coordinator moves the case to another supporter, with a reason; the previous one loses access")
	CaseView transfer(@PathVariable UUID id, @RequestBody CaseData.Transfer body, @AuthenticationPrincipal AccountPrincipal me) {
		return cases.transfer(id, body, actor(me)).orElseThrow(CaseController::notFound);
	}

	@PostMapping("/{id}/closure")
	@Operation(summary = "Close the case and its request: reason (RESOLVED, NO_LONGER_NEEDED, REFERRED_ON, NO_CONTACT, OTHER) and summary")
	CaseView close(@PathVariable UUID id, @RequestBody CaseData.Closure body, @AuthenticationPrincipal AccountPrincipal me) {
		return cases.close(id, body, actor(me)).orElseThrow(CaseController::notFound);
	}

	@PostMapping("/{id}/evaluation")
	@Operation(summary = "The client evaluates their closed case once: satisfaction 1-5, wouldRecommend, comment")
	Object evaluate(@PathVariable UUID id, @RequestBody CaseData.Evaluation body, @AuthenticationPrincipal AccountPrincipal me) {
		return cases.evaluate(id, body, me.actingAs(Role.CLIENT)).orElseThrow(CaseController::notFound);
	}

	private static Actor actor(AccountPrincipal me) {
		return me.actingAs(Role.COORDINATOR, Role.SUPPORTER, Role.CLIENT);
	}
}
