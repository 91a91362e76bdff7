package nl.weerbaar.network.web;

import java.util.UUID;

import nl.weerbaar.network.Network;
import nl.weerbaar.network.NetworkData;
import nl.weerbaar.network.NetworkViews.PartnerReferralView;
import nl.weerbaar.network.ReferralStatus;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.Role;
import nl.weerbaar.shared.Actor;
import nl.weerbaar.shared.Refused;
import nl.weerbaar.web.FormErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The partner portal: the referrals addressed to the user's organisation, with only the consented fields. */
@Controller
class PartnerPortalController {

	private final Network network;

	PartnerPortalController(Network network) {
		this.network = network;
	}

	record AnswerForm(ReferralStatus status, String message) {
	}

	@GetMapping("/partner/referrals")
	String inbox(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("organisation", network.ownOrganisation(actor(me)).orElse(null));
		model.addAttribute("referrals", network.inbox(actor(me)));
		return "network/partner-inbox";
	}

	@GetMapping("/partner/referrals/{id}")
	String referral(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		return page(model, network.forPartner(id, actor(me)).orElseThrow(ReferralController::notFound));
	}

	@PostMapping("/partner/referrals/{id}/status")
	String answer(@PathVariable UUID id, @ModelAttribute("answerForm") AnswerForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		PartnerReferralView view = network.forPartner(id, actor(me)).orElseThrow(ReferralController::notFound);
		if (!errors.hasErrors()) {
			try {
				network.answer(id, new NetworkData.StatusUpdate(form.status(), form.message()), actor(me))
					.orElseThrow(ReferralController::notFound);
				return "redirect:/partner/referrals/" + id;
			}
			catch (Refused refused) {
				FormErrors.reject(errors, refused, field -> field);
			}
		}
		return page(model, view);
	}

	private String page(Model model, PartnerReferralView view) {
		model.addAttribute("r", view);
		if (!model.containsAttribute("answerForm")) {
			model.addAttribute("answerForm", new AnswerForm(null, null));
		}
		return "network/partner-referral";
	}

	private static Actor actor(AccountPrincipal me) {
		return me.actingAs(Role.PARTNER);
	}
}
