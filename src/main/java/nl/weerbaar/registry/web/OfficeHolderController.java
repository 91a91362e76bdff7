package nl.weerbaar.registry.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.weerbaar.registry.AgeBand;
import nl.weerbaar.registry.Bodies;
import nl.weerbaar.registry.HomeFrontRelation;
import nl.weerbaar.registry.OfficeFunction;
import nl.weerbaar.registry.Registry;
import nl.weerbaar.registry.Registry.HomeFrontData;
import nl.weerbaar.registry.Registry.OfficeHolderData;
import nl.weerbaar.registry.Registry.OfficeHolderQuery;
import nl.weerbaar.registry.Registry.OfficeHolderView;
import nl.weerbaar.registry.RegistryRefused;
import nl.weerbaar.web.FormErrors;
import nl.weerbaar.registry.Term;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.Role;
import nl.weerbaar.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
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

/** The coordinator's pages for office holders: search, register, view (audited), edit contact details inline. */
@Controller
class OfficeHolderController {

	private final Registry registry;
	private final Bodies bodies;

	OfficeHolderController(Registry registry, Bodies bodies) {
		this.registry = registry;
		this.bodies = bodies;
	}

	record NewOfficeHolderForm(String name, String party, String email, String phone, OfficeFunction function,
			String bodyCode, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start) {
	}

	record ContactForm(String email, String phone, String party) {
	}

	record TermForm(OfficeFunction function, String bodyCode, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate end) {
	}

	record HomeFrontForm(HomeFrontRelation relation, AgeBand ageBand, String memberName, String memberEmail,
			String memberPhone) {
	}

	@ModelAttribute("functions")
	OfficeFunction[] functions() {
		return OfficeFunction.values();
	}

	@GetMapping("/office-holders")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) OfficeFunction function,
			@RequestParam(required = false) String bodyCode, @RequestParam(required = false) String province,
			@PageableDefault(size = 25) Pageable pageable, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		model.addAttribute("page", registry.search(new OfficeHolderQuery(q, function, bodyCode, province), pageable));
		model.addAttribute("bodyCode", bodyCode);
		model.addAttribute("provinces", bodies.provinces());
		model.addAttribute("q", q);
		model.addAttribute("function", function);
		model.addAttribute("province", province);
		return htmx != null ? "registry/office-holders :: results" : "registry/office-holders";
	}

	@GetMapping("/office-holders/new")
	String newForm(Model model) {
		model.addAttribute("form", new NewOfficeHolderForm(null, null, null, null, null, null, null));
		return "registry/office-holder-new";
	}

	@PostMapping("/office-holders")
	String register(@ModelAttribute("form") NewOfficeHolderForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me) {
		if (errors.hasErrors()) {
			return "registry/office-holder-new";
		}
		try {
			OfficeHolderView created = registry.register(new OfficeHolderData(form.name(), form.email(), form.phone(),
					form.party(), null, List.of(new Term(form.function(), form.bodyCode(), form.start(), null)), null),
					OfficeHolderApiController.actor(me));
			return "redirect:/office-holders/" + created.id();
		}
		catch (RegistryRefused refused) {
			reject(errors, refused);
			return "registry/office-holder-new";
		}
	}

	@GetMapping("/office-holders/{id}")
	String detail(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		OfficeHolderView holder = find(id, me);
		model.addAttribute("holder", holder);
		model.addAttribute("homeFront", registry.homeFront(id, OfficeHolderApiController.actor(me)).orElse(List.of()));
		model.addAttribute("termForm", new TermForm(null, null, null, null));
		model.addAttribute("homeFrontForm", new HomeFrontForm(null, null, null, null, null));
		addChoices(model);
		return "registry/office-holder";
	}

	/** htmx: the contact details as a form, in place. */
	@GetMapping("/office-holders/{id}/contact")
	String contactForm(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		OfficeHolderView holder = find(id, me);
		model.addAttribute("holder", holder);
		model.addAttribute("contactForm", new ContactForm(holder.email(), holder.phone(), holder.party()));
		return "registry/office-holder :: contact-form";
	}

	@PostMapping("/office-holders/{id}/contact")
	String saveContact(@PathVariable UUID id, @ModelAttribute("contactForm") ContactForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		OfficeHolderView holder = find(id, me);
		try {
			OfficeHolderView saved = registry.update(id, new OfficeHolderData(holder.name(), form.email(), form.phone(),
					form.party(), holder.externalId(), holder.terms(), holder.accountId()), OfficeHolderApiController.actor(me))
				.orElseThrow(OfficeHolderController::notFound);
			model.addAttribute("holder", saved);
			return htmx != null ? "registry/office-holder :: contact" : "redirect:/office-holders/" + id;
		}
		catch (RegistryRefused refused) {
			reject(errors, refused);
			model.addAttribute("holder", holder);
			return "registry/office-holder :: contact-form";
		}
	}

	@PostMapping("/office-holders/{id}/terms")
	String addTerm(@PathVariable UUID id, @ModelAttribute("termForm") TermForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		OfficeHolderView holder = find(id, me);
		if (!errors.hasErrors()) {
			List<Term> terms = new ArrayList<>(List.of(new Term(form.function(), form.bodyCode(), form.start(), form.end())));
			terms.addAll(holder.terms());
			try {
				registry.update(id, new OfficeHolderData(holder.name(), holder.email(), holder.phone(), holder.party(),
						holder.externalId(), terms, holder.accountId()), OfficeHolderApiController.actor(me));
				return "redirect:/office-holders/" + id;
			}
			catch (RegistryRefused refused) {
				reject(errors, refused);
			}
		}
		model.addAttribute("holder", holder);
		model.addAttribute("homeFront", registry.homeFront(id, OfficeHolderApiController.actor(me)).orElse(List.of()));
		model.addAttribute("homeFrontForm", new HomeFrontForm(null, null, null, null, null));
		addChoices(model);
		return "registry/office-holder";
	}

	@PostMapping("/office-holders/{id}/home-front")
	String addHomeFront(@PathVariable UUID id, @ModelAttribute("homeFrontForm") HomeFrontForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		OfficeHolderView holder = find(id, me);
		if (!errors.hasErrors()) {
			try {
				registry.addHomeFront(id, new HomeFrontData(form.relation(), form.ageBand(), form.memberName(),
						form.memberEmail(), form.memberPhone()), OfficeHolderApiController.actor(me));
				return "redirect:/office-holders/" + id;
			}
			catch (RegistryRefused refused) {
				reject(errors, refused);
			}
		}
		model.addAttribute("holder", holder);
		model.addAttribute("homeFront", registry.homeFront(id, OfficeHolderApiController.actor(me)).orElse(List.of()));
		model.addAttribute("termForm", new TermForm(null, null, null, null));
		addChoices(model);
		return "registry/office-holder";
	}

	private OfficeHolderView find(UUID id, AccountPrincipal me) {
		return registry.find(id, OfficeHolderApiController.actor(me)).orElseThrow(OfficeHolderController::notFound);
	}

	private static void addChoices(Model model) {
		model.addAttribute("relations", HomeFrontRelation.values());
		model.addAttribute("ageBands", AgeBand.values());
	}

	/** A refused field of a term ({@code terms[0].bodyCode}) belongs to the form's own field ({@code bodyCode}). */
	private static void reject(BindingResult errors, RegistryRefused refused) {
		boolean homeFront = errors.getObjectName().equals("homeFrontForm");
		FormErrors.reject(errors, refused, path -> {
			String field = path.replaceFirst("^terms\\[\\d+]\\.", "");
			return homeFront && !field.equals("relation") && !field.equals("ageBand")
					? "member" + Character.toUpperCase(field.charAt(0)) + field.substring(1) : field;
		});
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem officeHoldersNavigation() {
			return new NavigationItem("/office-holders", "nav.officeHolders", "nav.officeHolders.description", 50,
					Set.of(Role.COORDINATOR.name(), Role.ADMIN.name()));
		}
	}
}
