package nl.weerbaar.network.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.weerbaar.network.Instrument;
import nl.weerbaar.network.Network;
import nl.weerbaar.network.NetworkData;
import nl.weerbaar.network.NetworkViews.PartnerView;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.Role;
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

/** The partner directory: every staff member reads it; administrators keep it. */
@Controller
class PartnerDirectoryController {

	private final Network network;

	PartnerDirectoryController(Network network) {
		this.network = network;
	}

	/** The services are typed one per line. */
	record PartnerForm(String code, String name, String description, String services, Set<Instrument> partnerInstruments,
			String phone, String email, String website, boolean active) {

		static PartnerForm of(PartnerView p) {
			return new PartnerForm(p.code(), p.name(), p.description(), String.join("\n", p.services()), p.instruments(), p.phone(),
					p.email(), p.website(), p.active());
		}

		NetworkData.Partner data() {
			List<String> lines = services == null ? List.of()
					: new ArrayList<>(Arrays.stream(services.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList());
			return new NetworkData.Partner(code, name, description, lines, partnerInstruments, phone, email, website, active);
		}
	}

	@GetMapping("/partners")
	String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("partners", network.partners());
		model.addAttribute("admin", me.hasRole(Role.ADMIN));
		return "network/partners";
	}

	@GetMapping("/partners/new")
	String newPartner(Model model) {
		model.addAttribute("partnerForm", new PartnerForm(null, null, null, null, Set.of(), null, null, null, true));
		return form(model, null);
	}

	@GetMapping("/partners/{id}")
	String edit(@PathVariable UUID id, Model model) {
		PartnerView partner = network.partner(id).orElseThrow(ReferralController::notFound);
		model.addAttribute("partnerForm", PartnerForm.of(partner));
		return form(model, id);
	}

	@PostMapping({ "/partners", "/partners/{id}" })
	String save(@PathVariable(required = false) UUID id, @ModelAttribute("partnerForm") PartnerForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		if (!errors.hasErrors()) {
			try {
				network.savePartner(id, form.data(), me.actingAs(Role.ADMIN));
				return "redirect:/partners";
			}
			catch (Refused refused) {
				FormErrors.reject(errors, refused, field -> field);
			}
		}
		return form(model, id);
	}

	private String form(Model model, UUID id) {
		model.addAttribute("partnerId", id);
		model.addAttribute("instruments", Instrument.values());
		return "network/partner-form";
	}
}
