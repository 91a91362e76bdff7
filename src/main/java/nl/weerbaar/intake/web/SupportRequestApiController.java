package nl.weerbaar.intake.web;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.weerbaar.intake.ConcernLevel;
import nl.weerbaar.intake.IncidentData;
import nl.weerbaar.intake.Intake;
import nl.weerbaar.intake.Queue;
import nl.weerbaar.intake.RequestStatus;
import nl.weerbaar.intake.SupportRequestData;
import nl.weerbaar.intake.SupportRequestView;
import nl.weerbaar.intake.TriageData;
import nl.weerbaar.registry.OfficeFunction;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.Role;
import nl.weerbaar.shared.Actor;
import nl.weerbaar.shared.Refused;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/support-requests")
@Tag(name = "Support requests", description = "Intake and triage: coordinators see all requests, a client their own")
class SupportRequestApiController {

	private final Intake intake;

	SupportRequestApiController(Intake intake) {
		this.intake = intake;
	}

	/** A status change: where to ({@code status}, or {@code to}), and why (needed to go back, close or withdraw). */
	record StatusChange(@com.fasterxml.jackson.annotation.JsonAlias("to") RequestStatus status, String reason) {
	}

	record Message(String text) {
	}

	record SubjectLink(UUID subjectId) {
	}

	record Sharing(Boolean sharedWithOfficeHolder) {
	}

	@PostMapping
	@Operation(summary = "Take a request for support in, with one or more incidents")
	ResponseEntity<SupportRequestView> submit(@RequestBody SupportRequestData data, @AuthenticationPrincipal AccountPrincipal me) {
		SupportRequestView created = intake.submit(data, actor(me));
		return ResponseEntity.created(URI.create("/api/v1/support-requests/" + created.id())).body(created);
	}

	@GetMapping
	@Operation(summary = "Open requests by due time (or those with the given status); a client gets only their own")
	PagedModel<Queue.Item> list(@RequestParam(required = false) RequestStatus status,
			@RequestParam(required = false) ConcernLevel concernLevel, @RequestParam(required = false) OfficeFunction function,
			@RequestParam(required = false) String provinceCode, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate receivedOn,
			@ParameterObject @PageableDefault(size = 50) Pageable pageable, @AuthenticationPrincipal AccountPrincipal me) {
		return new PagedModel<>(intake.list(new Queue.Filter(concernLevel, function, provinceCode, status, overdue, receivedOn), pageable,
				actor(me)));
	}

	@GetMapping("/counts")
	@Operation(summary = "Open requests per level of concern, untriaged and overdue (coordinators)")
	Queue.Counts counts(@RequestParam(required = false) OfficeFunction function,
			@RequestParam(required = false) String provinceCode) {
		return intake.counts(new Queue.Filter(null, function, provinceCode, null, false));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One request with its incidents, triage, history and messages (the read is audited)")
	SupportRequestView get(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me) {
		return intake.find(id, actor(me)).orElseThrow(SupportRequestApiController::notFound);
	}

	@PutMapping("/{id}/triage")
	@Operation(summary = "Record the warning behaviours and set the level of concern (coordinators)")
	SupportRequestView triage(@PathVariable UUID id, @RequestBody TriageData data, @AuthenticationPrincipal AccountPrincipal me) {
		return intake.triage(id, data, actor(me)).orElseThrow(SupportRequestApiController::notFound);
	}

	@PostMapping("/{id}/status")
	@Operation(summary = "Move the request to another status by the lifecycle's rules (409 when not allowed now)")
	SupportRequestView changeStatus(@PathVariable UUID id, @RequestBody StatusChange change,
			@AuthenticationPrincipal AccountPrincipal me) {
		return intake.changeStatus(id, change.status(), change.reason(), actor(me))
			.orElseThrow(SupportRequestApiController::notFound);
	}

	@PostMapping("/{id}/incidents")
	@Operation(summary = "Add an incident to an open request")
	ResponseEntity<SupportRequestView> addIncident(@PathVariable UUID id, @RequestBody IncidentData data,
			@AuthenticationPrincipal AccountPrincipal me) {
		SupportRequestView view = intake.addIncident(id, data, actor(me)).orElseThrow(SupportRequestApiController::notFound);
		return ResponseEntity.status(HttpStatus.CREATED).body(view);
	}

	@PostMapping("/{id}/messages")
	@Operation(summary = "A coordinator writes to the requester, or the client adds information")
	SupportRequestView addMessage(@PathVariable UUID id, @RequestBody Message message, @AuthenticationPrincipal AccountPrincipal me) {
		return intake.addMessage(id, message.text(), actor(me)).orElseThrow(SupportRequestApiController::notFound);
	}

	@PutMapping("/{id}/subject")
	@Operation(summary = "Link a pseudonymous request to the office holder or home-front member it is about")
	SupportRequestView linkSubject(@PathVariable UUID id, @RequestBody SubjectLink link, @AuthenticationPrincipal AccountPrincipal me) {
		return intake.linkSubject(id, link.subjectId(), actor(me)).orElseThrow(SupportRequestApiController::notFound);
	}

	@PutMapping("/{id}/sharing")
	@Operation(summary = "The home-front member a request is about shares it with their office holder, or stops sharing it")
	SupportRequestView share(@PathVariable UUID id, @RequestBody Sharing sharing, @AuthenticationPrincipal AccountPrincipal me) {
		if (sharing.sharedWithOfficeHolder() == null) {
			throw Refused.invalid("sharedWithOfficeHolder", "field.required");
		}
		return intake.share(id, sharing.sharedWithOfficeHolder(), actor(me)).orElseThrow(SupportRequestApiController::notFound);
	}

	static Actor actor(AccountPrincipal me) {
		return me.actingAs(Role.COORDINATOR, Role.CLIENT, Role.SUPPORTER, Role.PARTNER, Role.ANALYST, Role.ADMIN);
	}

	static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such support request.");
	}
}
