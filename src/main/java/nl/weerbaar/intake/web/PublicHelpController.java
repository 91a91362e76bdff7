package nl.weerbaar.intake.web;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.weerbaar.intake.ContactPreference;
import nl.weerbaar.intake.IncidentKind;
import nl.weerbaar.intake.Intake;
import nl.weerbaar.intake.PublicRequestData;
import nl.weerbaar.intake.PublicRouteRefused;
import nl.weerbaar.intake.Receipt;
import nl.weerbaar.intake.ReceiptHolder;
import nl.weerbaar.intake.SupportRequestView;
import nl.weerbaar.intake.internal.PublicRouteGuard;
import nl.weerbaar.intake.internal.PublicRouteGuard.FormCheck;
import nl.weerbaar.platform.ClientAddress;
import nl.weerbaar.registry.OfficeFunction;
import nl.weerbaar.shared.Refused;
import nl.weerbaar.web.FormErrors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Vraag hulp": the anonymous route. Anyone may ask for help without an account; they get a receipt code once, and
 * with it they later see the status, read the coordinators' messages and add information. The code never appears in
 * a URL; after a correct code the request's id is kept in the (renewed) session only.
 */
@Controller
class PublicHelpController {


	private final Intake intake;
	private final PublicRouteGuard guard;
	private final ApplicationEventPublisher events;

	PublicHelpController(Intake intake, PublicRouteGuard guard, ApplicationEventPublisher events) {
		this.events = events;
		this.intake = intake;
		this.guard = guard;
	}

	/** {@code website} is the honeypot: hidden from people, filled in by bots. */
	record HelpForm(String summary, OfficeFunction function, IncidentKind kind,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn, Boolean homeFrontInvolved, String name,
			String contact, ContactPreference contactVia, String token, String website) {

		PublicRequestData data() {
			return new PublicRequestData(summary, function, null, kind, occurredOn, homeFrontInvolved, name, contact, contactVia);
		}
	}

	record CodeForm(String code) {
	}

	record InformationForm(String message) {
	}

	@GetMapping("/hulp")
	String form(Model model) {
		model.addAttribute("form", new HelpForm(null, null, null, null, false, null, null, null, null, null));
		model.addAttribute("token", guard.formToken());
		return formPage(model);
	}

	@PostMapping("/hulp")
	String submit(@ModelAttribute("form") HelpForm form, BindingResult errors, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String address = ClientAddress.of(request);
		if (!guard.trySubmit(address)) {
			errors.reject("public.tooMany");
			return formPage(model, response, HttpStatus.TOO_MANY_REQUESTS);
		}
		if (form.website() != null && !form.website().isBlank()) {
			events.publishEvent(new PublicRouteRefused(PublicRouteRefused.Reason.HONEYPOT));
			errors.reject("public.notProcessed");
			return formPage(model, response, HttpStatus.BAD_REQUEST);
		}
		FormCheck check = guard.check(form.token());
		if (check != FormCheck.OK) {
			if (check == FormCheck.INVALID) {
				events.publishEvent(new PublicRouteRefused(PublicRouteRefused.Reason.FORGED_FORM_TOKEN));
			}
			errors.reject(check == FormCheck.EXPIRED ? "public.expired" : "public.notProcessed");
			return formPage(model, response, HttpStatus.BAD_REQUEST);
		}
		if (errors.hasErrors()) {
			guard.notSubmitted(address);
			return formPage(model, response, HttpStatus.BAD_REQUEST);
		}
		try {
			Receipt receipt = intake.submitPublic(form.data());
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			model.addAttribute("receipt", receipt);
			return "intake/public-receipt";
		}
		catch (Refused refused) {
			guard.notSubmitted(address);
			FormErrors.reject(errors, refused, field -> field);
			return formPage(model, response, HttpStatus.BAD_REQUEST);
		}
	}

	@GetMapping("/hulp/status")
	String codeForm(Model model) {
		model.addAttribute("codeForm", new CodeForm(null));
		return "intake/public-code";
	}

	@PostMapping("/hulp/status")
	String redeem(@ModelAttribute("codeForm") CodeForm form, BindingResult errors, HttpServletRequest request,
			HttpServletResponse response) {
		String address = ClientAddress.of(request);
		if (!guard.tryCode(address)) {
			errors.reject("public.code.throttled");
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			return "intake/public-code";
		}
		Optional<UUID> found = intake.redeem(form.code());
		if (found.isEmpty()) {
			guard.wrongCode();
			events.publishEvent(new PublicRouteRefused(PublicRouteRefused.Reason.WRONG_RECEIPT_CODE));
			errors.rejectValue("code", "public.code.unknown");
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "intake/public-code";
		}
		guard.rightCode(address);
		ReceiptHolder.remember(request, found.get());
		return "redirect:/hulp/status/aanvraag";
	}

	@GetMapping("/hulp/status/aanvraag")
	String status(HttpSession session, HttpServletResponse response, Model model) {
		Optional<UUID> id = receiptRequest(session);
		Optional<SupportRequestView> request = id.flatMap(intake::findForReceiptHolder);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (request.isEmpty()) {
			// linked to the person it is about: the code shows no content any more, only that it was taken over
			if (id.filter(intake::takenOver).isEmpty()) {
				return "redirect:/hulp/status";
			}
			model.addAttribute("closed", intake.receiptStatus(id.get()).filter(Intake.ReceiptStatus::closed).isPresent());
			return "intake/public-taken-over";
		}
		model.addAttribute("request", request.get());
		model.addAttribute("informationForm", new InformationForm(null));
		return "intake/public-status";
	}

	@PostMapping("/hulp/status/aanvraag/informatie")
	String addInformation(@ModelAttribute("informationForm") InformationForm form, BindingResult errors, HttpSession session,
			HttpServletResponse response, Model model) {
		Optional<UUID> id = receiptRequest(session);
		if (id.isEmpty()) {
			return "redirect:/hulp/status";
		}
		try {
			intake.addInformationWithReceipt(id.get(), form.message());
			return "redirect:/hulp/status/aanvraag#messages";
		}
		catch (Refused refused) {
			FormErrors.reject(errors, refused, field -> field);
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("request", intake.findForReceiptHolder(id.get()).orElseThrow());
		return "intake/public-status";
	}

	/** Forget the code on this device (a shared computer). */
	@PostMapping("/hulp/status/sluiten")
	String close(HttpSession session) {
		ReceiptHolder.forget(session);
		return "redirect:/hulp/status?closed";
	}

	private static Optional<UUID> receiptRequest(HttpSession session) {
		return ReceiptHolder.request(session);
	}

	private String formPage(Model model) {
		model.addAttribute("functions", OfficeFunction.values());
		model.addAttribute("kinds", IncidentKind.values());
		model.addAttribute("contactPreferences", ContactPreference.values());
		return "intake/public-form";
	}

	/** The form again with what was typed and a fresh token. */
	private String formPage(Model model, HttpServletResponse response, HttpStatus status) {
		model.addAttribute("token", guard.formToken());
		response.setStatus(status.value());
		return formPage(model);
	}
}
