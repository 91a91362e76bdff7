package nl.weerbaar.cases.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import nl.weerbaar.cases.ActionOwner;
import nl.weerbaar.cases.CaseData;
import nl.weerbaar.cases.CaseStatus;
import nl.weerbaar.cases.CaseSummary;
import nl.weerbaar.cases.CaseView;
import nl.weerbaar.cases.Cases;
import nl.weerbaar.cases.ClosureReason;
import nl.weerbaar.cases.ContactMode;
import nl.weerbaar.intake.FirstContactDeadlines;
import nl.weerbaar.intake.Intake;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.Role;
import nl.weerbaar.shared.Actor;
import nl.weerbaar.shared.Refused;
import nl.weerbaar.team.Team;
import nl.weerbaar.web.FormErrors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The supporter's workspace: "Mijn casussen" by what is due first, and a case's page with its contacts, actions,
 * follow-up, messages, closure and timeline; coordinators see every case and can transfer one. Every form answers
 * next to its fields and keeps what was typed.
 */
@Controller
class CaseController {

	private final Cases cases;
	private final Intake intake;
	private final Team team;

	CaseController(Cases cases, Intake intake, Team team) {
		this.cases = cases;
		this.intake = intake;
		this.team = team;
	}

	record ContactForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime occurredAt, ContactMode mode,
			Integer minutes, String note) {

		CaseData.Contact data() {
			return new CaseData.Contact(occurredAt == null ? null : occurredAt.atZone(FirstContactDeadlines.AMSTERDAM).toInstant(), mode,
					minutes, note);
		}
	}

	record ActionForm(String what, ActionOwner who, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn) {
	}

	record FollowUpForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate followUpOn) {
	}

	record TransferForm(UUID supporterId, String transferReason) {
	}

	record ClosureForm(ClosureReason closureReason, String summary) {
	}

	record MessageForm(String message) {
	}

	@GetMapping("/cases")
	String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		List<CaseSummary> all = cases.list(null, actor(me));
		model.addAttribute("open", all.stream().filter(c -> c.status() == CaseStatus.OPEN).toList());
		// the most recently closed
		model.addAttribute("closed", all.stream().filter(c -> c.status() == CaseStatus.CLOSED).limit(50).toList());
		model.addAttribute("coordinator", me.hasRole(Role.COORDINATOR));
		return "cases/cases";
	}

	@GetMapping("/cases/{id}")
	String detail(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		return page(model, find(id, me), me);
	}

	/** A contact on its own (htmx shows it in place; a plain GET gets a small page). */
	@GetMapping("/cases/{id}/contacts/{contactId}")
	String contact(@PathVariable UUID id, @PathVariable UUID contactId, @AuthenticationPrincipal AccountPrincipal me,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("caseId", id);
		model.addAttribute("contact", cases.contact(id, contactId, actor(me)).orElseThrow(CaseController::notFound));
		return htmx != null ? "cases/item :: contact" : "cases/item";
	}

	@GetMapping("/cases/{id}/actions/{actionId}")
	String action(@PathVariable UUID id, @PathVariable UUID actionId, @AuthenticationPrincipal AccountPrincipal me,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("caseId", id);
		model.addAttribute("action", cases.action(id, actionId, actor(me)).orElseThrow(CaseController::notFound));
		return htmx != null ? "cases/item :: action" : "cases/item";
	}

	@PostMapping("/cases/{id}/contacts")
	String recordContact(@PathVariable UUID id, @ModelAttribute("contactForm") ContactForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		CaseView view = find(id, me);
		if (!errors.hasErrors()) {
			try {
				cases.recordContact(id, form.data(), actor(me)).orElseThrow(CaseController::notFound);
				return "redirect:/cases/" + id + "#contacts";
			}
			catch (Refused refused) {
				FormErrors.reject(errors, refused, field -> field);
			}
		}
		return page(model, view, me);
	}

	@PostMapping("/cases/{id}/actions")
	String agreeAction(@PathVariable UUID id, @ModelAttribute("actionForm") ActionForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		CaseView view = find(id, me);
		if (!errors.hasErrors()) {
			try {
				cases.agreeAction(id, new CaseData.Action(form.what(), form.who(), form.dueOn()), actor(me))
					.orElseThrow(CaseController::notFound);
				return "redirect:/cases/" + id + "#actions";
			}
			catch (Refused refused) {
				FormErrors.reject(errors, refused, field -> field);
			}
		}
		return page(model, view, me);
	}

	/** Ticks an action off (or opens it again); htmx swaps the action's row, a plain POST returns to the page. */
	@PostMapping("/cases/{id}/actions/{actionId}/done")
	String completeAction(@PathVariable UUID id, @PathVariable UUID actionId, @RequestParam(defaultValue = "true") boolean done,
			@AuthenticationPrincipal AccountPrincipal me, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		var action = cases.completeAction(id, actionId, done, actor(me)).orElseThrow(CaseController::notFound);
		if (htmx != null) {
			model.addAttribute("caseId", id);
			model.addAttribute("a", action);
			model.addAttribute("open", true);
			return "cases/parts :: actionRow";
		}
		return "redirect:/cases/" + id + "#actions";
	}

	@PostMapping("/cases/{id}/follow-up")
	String followUp(@PathVariable UUID id, @ModelAttribute("followUpForm") FollowUpForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		CaseView view = find(id, me);
		if (!errors.hasErrors()) {
			try {
				cases.setFollowUp(id, new CaseData.FollowUp(form.followUpOn()), actor(me)).orElseThrow(CaseController::notFound);
				return "redirect:/cases/" + id + "#follow-up";
			}
			catch (Refused refused) {
				FormErrors.reject(errors, refused, field -> "followUpOn");
			}
		}
		return page(model, view, me);
	}

	@PostMapping("/cases/{id}/transfer")
	String transfer(@PathVariable UUID id, @ModelAttribute("transferForm") TransferForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		CaseView view = find(id, me);
		if (!errors.hasErrors()) {
			try {
				cases.transfer(id, new CaseData.Transfer(form.supporterId(), form.transferReason()), actor(me))
					.orElseThrow(CaseController::notFound);
				return "redirect:/cases/" + id;
			}
			catch (Refused refused) {
				FormErrors.reject(errors, refused, field -> field.equals("reason") ? "transferReason" : field);
			}
		}
		return page(model, view, me);
	}

	@PostMapping("/cases/{id}/closure")
	String close(@PathVariable UUID id, @ModelAttribute("closureForm") ClosureForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		CaseView view = find(id, me);
		if (!errors.hasErrors()) {
			try {
				cases.close(id, new CaseData.Closure(form.closureReason(), form.summary()), actor(me)).orElseThrow(CaseController::notFound);
				return "redirect:/cases/" + id;
			}
			catch (Refused refused) {
				FormErrors.reject(errors, refused, field -> field.equals("reason") ? "closureReason" : field);
			}
		}
		return page(model, view, me);
	}

	@PostMapping("/cases/{id}/messages")
	String message(@PathVariable UUID id, @ModelAttribute("messageForm") MessageForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		CaseView view = find(id, me);
		try {
			intake.addMessage(view.supportRequestId(), form.message(), actor(me)).orElseThrow(CaseController::notFound);
			return "redirect:/cases/" + id + "#messages";
		}
		catch (Refused refused) {
			FormErrors.reject(errors, refused, field -> field);
		}
		return page(model, view, me);
	}

	private String page(Model model, CaseView view, AccountPrincipal me) {
		model.addAttribute("c", view);
		model.addAttribute("coordinator", me.hasRole(Role.COORDINATOR));
		model.addAttribute("modes", ContactMode.values());
		model.addAttribute("owners", ActionOwner.values());
		model.addAttribute("closureReasons", ClosureReason.values());
		model.addAttribute("today", LocalDate.now(FirstContactDeadlines.AMSTERDAM));
		if (me.hasRole(Role.COORDINATOR) && view.status() == CaseStatus.OPEN) {
			model.addAttribute("supporters", team.assignable().stream().filter(s -> !s.id().equals(view.supporterId())).toList());
		}
		if (!model.containsAttribute("contactForm")) {
			model.addAttribute("contactForm", new ContactForm(null, null, null, null));
		}
		if (!model.containsAttribute("actionForm")) {
			model.addAttribute("actionForm", new ActionForm(null, null, null));
		}
		if (!model.containsAttribute("followUpForm")) {
			model.addAttribute("followUpForm", new FollowUpForm(view.nextFollowUp()));
		}
		if (!model.containsAttribute("transferForm")) {
			model.addAttribute("transferForm", new TransferForm(null, null));
		}
		if (!model.containsAttribute("closureForm")) {
			model.addAttribute("closureForm", new ClosureForm(null, null));
		}
		if (!model.containsAttribute("messageForm")) {
			model.addAttribute("messageForm", new MessageForm(null));
		}
		return "cases/case";
	}

	private CaseView find(UUID id, AccountPrincipal me) {
		return cases.find(id, actor(me)).orElseThrow(CaseController::notFound);
	}

	static Actor actor(AccountPrincipal me) {
		return me.actingAs(Role.COORDINATOR, Role.SUPPORTER);
	}

	static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such case.");
	}
}
