package nl.weerbaar.privacy.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.weerbaar.privacy.ErasureReason;
import nl.weerbaar.privacy.SubjectId;
import nl.weerbaar.privacy.SubjectRights;
import nl.weerbaar.privacy.SubjectRights.ErasureRefused;
import nl.weerbaar.privacy.SubjectRights.ErasureRequest;
import nl.weerbaar.privacy.SubjectRights.SubjectExport;
import nl.weerbaar.security.AccountPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Tag(name = "Subject rights", description = "A person's data export (AVG art. 15) and erasure (art. 17, four eyes)")
class SubjectRightsApiController {

	private final SubjectRights rights;

	SubjectRightsApiController(SubjectRights rights) {
		this.rights = rights;
	}

	record ErasureForm(@NotNull ErasureReason reason) {
	}

	@GetMapping("/api/v1/subjects/{id}/export")
	@Operation(summary = "Everything Weerbaar holds about one person (audited)")
	SubjectExport export(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me) {
		return rights.export(new SubjectId(id), PrivacyAccess.actor(me))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No data is held about this person."));
	}

	@PostMapping("/api/v1/subjects/{id}/erasure-requests")
	@Operation(summary = "Start erasing a person; takes effect when a second coordinator or an administrator approves")
	ResponseEntity<ErasureRequest> requestErasure(@PathVariable UUID id, @Valid @RequestBody ErasureForm form,
			@AuthenticationPrincipal AccountPrincipal me) {
		ErasureRequest request = rights.requestErasure(new SubjectId(id), form.reason(), PrivacyAccess.actor(me));
		return ResponseEntity.created(URI.create("/api/v1/erasure-requests/" + request.id())).body(request);
	}

	@GetMapping("/api/v1/erasure-requests")
	@Operation(summary = "Erasure requests awaiting a decision")
	List<ErasureRequest> pending() {
		return rights.pending();
	}

	@PostMapping("/api/v1/erasure-requests/{id}/approval")
	@Operation(summary = "Approve an erasure (not by whoever asked): the person's data key is destroyed")
	ErasureRequest approve(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me) {
		return rights.approve(id, PrivacyAccess.actor(me));
	}

	@PostMapping("/api/v1/erasure-requests/{id}/rejection")
	@Operation(summary = "Reject an erasure request")
	ErasureRequest reject(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me) {
		return rights.reject(id, PrivacyAccess.actor(me));
	}

	@ExceptionHandler(ErasureRefused.class)
	ProblemDetail refused(ErasureRefused refused) {
		HttpStatus status = switch (refused.code()) {
			case "UNKNOWN_SUBJECT", "NOT_FOUND" -> HttpStatus.NOT_FOUND;
			default -> HttpStatus.CONFLICT;
		};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refused.getMessage());
		problem.setProperty("code", refused.code());
		return problem;
	}
}
