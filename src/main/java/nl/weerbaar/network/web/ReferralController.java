package nl.weerbaar.network.web;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import nl.weerbaar.cases.CaseRef;
import nl.weerbaar.cases.CaseStatus;
import nl.weerbaar.cases.Cases;
import nl.weerbaar.intake.FirstContactDeadlines;
import nl.weerbaar.network.ConsentHow;
import nl.weerbaar.network.Instrument;
import nl.weerbaar.network.Network;
import nl.weerbaar.network.NetworkData;
import nl.weerbaar.network.NetworkViews.PartnerView;
import nl.weerbaar.network.SharedField;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.Role;
import nl.weerbaar.shared.Actor;
import nl.weerbaar.shared.Refused;
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
import org.springframework.web.server.ResponseStatusException;

/**
 * A case's consents and referrals: for its supporter and coordinators (recording consent, referring behind the
 * consent gate, a coordinator's override with its reason), and for its client (where referrals stand, withdrawing
 * consent). The case page loads these with htmx; each is a page of its own too.
 */
@Controller
class ReferralController {

	private final Network network;
	private final Cases cases;

	ReferralController(Network network, Cases cases) {
		this.network = network;
		this.cases = cases;
	}

	record ConsentForm(UUID consentPartnerId, Set<SharedField> consentFields,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate givenOn, ConsentHow how) {
	}

	record ReferralForm(UUID partnerId, Instrument instrument, Set<SharedField> fields, String referralNote, String overrideReason) {
	}

	@GetMapping("/cases/{id}/referrals")
	String page(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		return casePage(model, id, me);
	}

	@GetMapping("/cases/{id}/referrals/{referralId}")
	String referral(@PathVariable UUID id, @PathVariable UUID referralId, @AuthenticationPrincipal AccountPrincipal me,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("caseId", id);
		model.addAttribute("r", network.referral(id, referralId, actor(me)).orElseThrow(ReferralController::notFound));
		return htmx != null ? "network/referral :: referral" : "network/referral";
	}

	@PostMapping("/cases/{id}/consents")
	String recordConsent(@PathVariable UUID id, @ModelAttribute("consentForm") ConsentForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		if (!errors.hasErrors()) {
			try {
				network.recordConsent(id, new NetworkData.Consent(form.consentPartnerId(), form.consentFields(), form.givenOn(), form.how()),
						actor(me)).orElseThrow(ReferralController::notFound);
				return "redirect:/cases/" + id + "/referrals#consents";
			}
			catch (Refused refused) {
				FormErrors.reject(errors, refused, field -> switch (field) {
					case "partnerId" -> "consentPartnerId";
					case "fields" -> "consentFields";
					default -> field;
				});
			}
		}
		return casePage(model, id, me);
	}

	@PostMapping("/cases/{id}/consents/{consentId}/withdrawal")
	String withdraw(@PathVariable UUID id, @PathVariable UUID consentId, @AuthenticationPrincipal AccountPrincipal me) {
		network.withdrawConsent(id, consentId, actor(me)).orElseThrow(ReferralController::notFound);
		return "redirect:/cases/" + id + "/referrals#consents";
	}

	@PostMapping("/cases/{id}/referrals")
	String refer(@PathVariable UUID id, @ModelAttribute("referralForm") ReferralForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		if (!errors.hasErrors()) {
			try {
				network.refer(id, new NetworkData.Referral(form.partnerId(), form.instrument(), form.fields(), form.referralNote(),
						form.overrideReason()), actor(me)).orElseThrow(ReferralController::notFound);
				return "redirect:/cases/" + id + "/referrals#referrals-list";
			}
			catch (Refused refused) {
				// only a coordinator has the override field; a supporter reads the refusal above the form
				boolean coordinator = me.hasRole(Role.COORDINATOR);
				FormErrors.reject(errors, refused, field -> switch (field) {
					case "note" -> "referralNote";
					case "consent", "overrideReason" -> coordinator ? "overrideReason" : null;
					default -> field;
				});
			}
		}
		return casePage(model, id, me);
	}

	@PostMapping("/cases/{id}/referrals/{referralId}/revocation")
	String revoke(@PathVariable UUID id, @PathVariable UUID referralId, @AuthenticationPrincipal AccountPrincipal me) {
		network.revoke(id, referralId, actor(me)).orElseThrow(ReferralController::notFound);
		return "redirect:/cases/" + id + "/referrals#referrals-list";
	}

	@GetMapping("/my/cases/{id}/referrals")
	String clientPage(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		Actor client = me.actingAs(Role.CLIENT);
		model.addAttribute("caseId", id);
		model.addAttribute("consents", network.consents(id, client).orElseThrow(ReferralController::notFound));
		model.addAttribute("referrals", network.clientReferrals(id, client).orElseThrow(ReferralController::notFound));
		return "network/my-referrals";
	}

	@PostMapping("/my/cases/{id}/consents/{consentId}/withdrawal")
	String clientWithdraw(@PathVariable UUID id, @PathVariable UUID consentId, @AuthenticationPrincipal AccountPrincipal me) {
		network.withdrawConsent(id, consentId, me.actingAs(Role.CLIENT)).orElseThrow(ReferralController::notFound);
		return "redirect:/my/cases/" + id + "#referrals";
	}

	private String casePage(Model model, UUID id, AccountPrincipal me) {
		Actor actor = actor(me);
		CaseRef ref = cases.access(id, actor).orElseThrow(ReferralController::notFound);
		model.addAttribute("ref", ref);
		model.addAttribute("open", ref.status() == CaseStatus.OPEN);
		model.addAttribute("coordinator", me.hasRole(Role.COORDINATOR));
		model.addAttribute("consents", network.consents(id, actor).orElseThrow(ReferralController::notFound));
		model.addAttribute("referrals", network.referrals(id, actor).orElseThrow(ReferralController::notFound));
		model.addAttribute("partners", network.partners().stream().filter(PartnerView::active).toList());
		model.addAttribute("allFields", SharedField.values());
		model.addAttribute("instruments", Instrument.values());
		// staff record what the client said or signed; online consent is given by the client themselves
		model.addAttribute("ways", java.util.EnumSet.complementOf(java.util.EnumSet.of(ConsentHow.BY_CLIENT_ONLINE)));
		if (!model.containsAttribute("consentForm")) {
			model.addAttribute("consentForm", new ConsentForm(null, Set.of(), LocalDate.now(FirstContactDeadlines.AMSTERDAM), null));
		}
		if (!model.containsAttribute("referralForm")) {
			model.addAttribute("referralForm", new ReferralForm(null, null, Set.of(), null, null));
		}
		return "network/referrals";
	}

	private static Actor actor(AccountPrincipal me) {
		return me.actingAs(Role.COORDINATOR, Role.SUPPORTER);
	}

	static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "Not found.");
	}
}
