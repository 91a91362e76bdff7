package nl.weerbaar.privacy.web;

import java.time.Duration;
import java.util.UUID;

import nl.weerbaar.privacy.ErasureReason;
import nl.weerbaar.privacy.Retention;
import nl.weerbaar.privacy.SubjectId;
import nl.weerbaar.privacy.SubjectRights;
import nl.weerbaar.privacy.SubjectRights.ErasureRefused;
import nl.weerbaar.security.AccountPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages for subject rights and retention: what is due, erasures awaiting a second person, one person's export. */
@Controller
class PrivacyController {

	private final SubjectRights rights;
	private final Retention retention;

	PrivacyController(SubjectRights rights, Retention retention) {
		this.rights = rights;
		this.retention = retention;
	}

	@GetMapping("/privacy")
	String overview(Model model) {
		model.addAttribute("pending", rights.pending());
		model.addAttribute("due", retention.dueWithin(Duration.ofDays(30)));
		return "privacy/overview";
	}

	@PostMapping("/privacy/erasure-requests/{id}/{decision:approval|rejection}")
	String decide(@PathVariable UUID id, @PathVariable String decision, @AuthenticationPrincipal AccountPrincipal me,
			RedirectAttributes redirect) {
		try {
			if (decision.equals("approval")) {
				rights.approve(id, PrivacyAccess.actor(me));
			}
			else {
				rights.reject(id, PrivacyAccess.actor(me));
			}
			redirect.addFlashAttribute("notice", "privacy.decided." + decision);
		}
		catch (ErasureRefused refused) {
			redirect.addFlashAttribute("problem", "privacy.refused." + refused.code());
		}
		return "redirect:/privacy";
	}

	@GetMapping("/privacy/subjects/{id}")
	String subject(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("export", rights.export(new SubjectId(id), PrivacyAccess.actor(me))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("reasons", ErasureReason.values());
		return "privacy/subject";
	}

	@PostMapping("/privacy/subjects/{id}/erasure-requests")
	String requestErasure(@PathVariable UUID id, @RequestParam(required = false) ErasureReason reason,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
		if (reason == null) {
			redirect.addFlashAttribute("problem", "privacy.reason.required");
			return "redirect:/privacy/subjects/" + id;
		}
		try {
			rights.requestErasure(new SubjectId(id), reason, PrivacyAccess.actor(me));
			redirect.addFlashAttribute("notice", "privacy.requested");
		}
		catch (ErasureRefused refused) {
			if (refused.code().equals("UNKNOWN_SUBJECT")) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("problem", "privacy.refused." + refused.code());
		}
		return "redirect:/privacy/subjects/" + id;
	}

	@PostMapping("/privacy/subjects/{id}/legal-hold")
	String legalHold(@PathVariable UUID id, @RequestParam(required = false) String reason,
			@RequestParam(defaultValue = "false") boolean release, @AuthenticationPrincipal AccountPrincipal me,
			RedirectAttributes redirect) {
		SubjectId subject = new SubjectId(id);
		if (!rights.isKnown(subject)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (release) {
			retention.releaseLegalHold(subject, PrivacyAccess.actor(me));
		}
		else if (reason == null || reason.isBlank() || reason.length() > 100) {
			redirect.addFlashAttribute("problem", "privacy.hold.reason");
			return "redirect:/privacy/subjects/" + id;
		}
		else {
			retention.placeLegalHold(subject, reason, PrivacyAccess.actor(me));
		}
		redirect.addFlashAttribute("notice", release ? "privacy.hold.released" : "privacy.hold.placed");
		return "redirect:/privacy/subjects/" + id;
	}
}
