package nl.weerbaar.intake.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.weerbaar.intake.Channel;
import nl.weerbaar.intake.ContactPreference;
import nl.weerbaar.intake.IncidentChannel;
import nl.weerbaar.intake.IncidentData;
import nl.weerbaar.intake.IncidentKind;
import nl.weerbaar.intake.Intake;
import nl.weerbaar.intake.SupportRequestData;
import nl.weerbaar.intake.SupportRequestView;
import nl.weerbaar.intake.Wishes;
import nl.weerbaar.registry.Registry;
import nl.weerbaar.registry.Registry.HomeFrontView;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.Role;
import nl.weerbaar.shared.Actor;
import nl.weerbaar.shared.Refused;
import nl.weerbaar.team.Gender;
import nl.weerbaar.web.FormErrors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A client's own requests: ask for help for themselves (an office holder also for their home front), and follow what
 * happens. A home-front member with an account of their own decides whether their office holder sees their request.
 */
@Controller
class MyRequestController {

	private final Intake intake;
	private final Registry registry;

	MyRequestController(Intake intake, Registry registry) {
		this.intake = intake;
		this.registry = registry;
	}

	record MyRequestForm(UUID subjectId, String summary, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
			IncidentKind kind, IncidentChannel incidentChannel, Boolean homeFrontInvolved, String description,
			Boolean notSameParty, Gender supporterGender, String language, ContactPreference contactVia, String wishNote,
			Boolean sharedWithOfficeHolder) {

		SupportRequestData data() {
			return new SupportRequestData(subjectId, null, null, null, Channel.WEB, summary,
					new Wishes(Boolean.TRUE.equals(notSameParty), supporterGender, language == null || language.isBlank() ? null : language,
							contactVia, wishNote),
					null, List.of(new IncidentData(occurredOn, null, kind, incidentChannel, null, null, homeFrontInvolved, description)),
					sharedWithOfficeHolder);
		}
	}

	record SharingForm(boolean shared) {
	}

	record MessageForm(String message) {
	}

	@GetMapping("/my/requests")
	String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("requests", intake.mine(actor(me)));
		model.addAttribute("linked", registry.ownSubject(actor(me)).isPresent());
		return "intake/my-requests";
	}

	@GetMapping("/my/requests/new")
	String newForm(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		Optional<UUID> self = registry.ownSubject(actor(me));
		model.addAttribute("form", new MyRequestForm(self.orElse(null), null, null, null, null, false, null, false, null, null,
				null, null, false));
		return newPage(me, model);
	}

	@PostMapping("/my/requests")
	String submit(@ModelAttribute("form") MyRequestForm form, BindingResult errors, @AuthenticationPrincipal AccountPrincipal me,
			Model model) {
		if (!errors.hasErrors()) {
			try {
				SupportRequestView created = intake.submit(form.data(), actor(me));
				return "redirect:/my/requests/" + created.id();
			}
			catch (Refused refused) {
				FormErrors.reject(errors, refused, field -> switch (field) {
					case "incidents[0].channel" -> "incidentChannel";
					case "wishes.language" -> "language";
					case "wishes.note" -> "wishNote";
					default -> field.replaceFirst("^incidents\\[0]\\.", "");
				});
			}
		}
		return newPage(me, model);
	}

	@GetMapping("/my/requests/{id}")
	String detail(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		return detailPage(intake.find(id, actor(me)).orElseThrow(RequestController::notFound), me, model);
	}

	/** The home-front member shares their request with their office holder, or stops sharing it. */
	@PostMapping("/my/requests/{id}/sharing")
	String share(@PathVariable UUID id, SharingForm form, @AuthenticationPrincipal AccountPrincipal me) {
		intake.share(id, form.shared(), actor(me)).orElseThrow(RequestController::notFound);
		return "redirect:/my/requests/" + id + "#sharing";
	}

	@PostMapping("/my/requests/{id}/messages")
	String addMessage(@PathVariable UUID id, @ModelAttribute("messageForm") MessageForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		SupportRequestView request = intake.find(id, actor(me)).orElseThrow(RequestController::notFound);
		try {
			intake.addMessage(id, form.message(), actor(me)).orElseThrow(RequestController::notFound);
			return "redirect:/my/requests/" + id + "#messages";
		}
		catch (Refused refused) {
			FormErrors.reject(errors, refused, field -> field);
		}
		return detailPage(request, me, model);
	}

	private String detailPage(SupportRequestView request, AccountPrincipal me, Model model) {
		model.addAttribute("request", request);
		model.addAttribute("ownSharing", request.sharedWithOfficeHolder() != null
				&& request.subjectId().equals(registry.ownSubject(actor(me)).orElse(null)));
		if (!model.containsAttribute("messageForm")) {
			model.addAttribute("messageForm", new MessageForm(null));
		}
		return "intake/my-request";
	}

	private String newPage(AccountPrincipal me, Model model) {
		Optional<UUID> officeHolder = registry.officeHolderOf(actor(me));
		model.addAttribute("self", registry.ownSubject(actor(me)).orElse(null));
		// a home-front member files for themselves and chooses whether their office holder sees it
		model.addAttribute("homeFrontMember", officeHolder.isEmpty());
		model.addAttribute("homeFront", officeHolder.flatMap(id -> registry.homeFront(id, actor(me))).orElse(List.<HomeFrontView>of()));
		model.addAttribute("kinds", IncidentKind.values());
		model.addAttribute("incidentChannels", IncidentChannel.values());
		model.addAttribute("genders", Gender.values());
		model.addAttribute("contactPreferences", ContactPreference.values());
		return "intake/my-request-new";
	}

	private static Actor actor(AccountPrincipal me) {
		return me.actingAs(Role.CLIENT);
	}
}
