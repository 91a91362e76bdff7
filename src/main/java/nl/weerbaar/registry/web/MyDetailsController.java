package nl.weerbaar.registry.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.weerbaar.registry.AgeBand;
import nl.weerbaar.registry.HomeFrontRelation;
import nl.weerbaar.registry.Registry;
import nl.weerbaar.registry.Registry.HomeFrontData;
import nl.weerbaar.registry.Registry.OfficeHolderData;
import nl.weerbaar.registry.Registry.OfficeHolderView;
import nl.weerbaar.registry.RegistryRefused;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.PathAuthorizations;
import nl.weerbaar.security.Role;
import nl.weerbaar.shared.Actor;
import nl.weerbaar.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** A client's own page: their contact details (to correct) and their home front (to add to). */
@Controller
class MyDetailsController {

	private final Registry registry;

	MyDetailsController(Registry registry) {
		this.registry = registry;
	}

	record MyContactForm(String email, String phone) {
	}

	record MyHomeFrontForm(HomeFrontRelation relation, AgeBand ageBand, String memberName) {
	}

	@GetMapping("/my")
	String mine(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		Optional<OfficeHolderView> holder = own(me);
		holder.ifPresent(h -> {
			model.addAttribute("contactForm", new MyContactForm(h.email(), h.phone()));
			model.addAttribute("homeFrontForm", new MyHomeFrontForm(null, null, null));
		});
		return show(me, holder, model);
	}

	@PostMapping("/my/contact")
	String saveContact(@AuthenticationPrincipal AccountPrincipal me, @ModelAttribute("contactForm") MyContactForm form,
			BindingResult errors, Model model) {
		Optional<OfficeHolderView> holder = own(me);
		if (holder.isEmpty()) {
			return "redirect:/my";
		}
		try {
			registry.update(holder.get().id(), new OfficeHolderData(null, form.email(), form.phone(), null, null, List.of(), null),
					actor(me));
			return "redirect:/my?saved";
		}
		catch (RegistryRefused refused) {
			refused.violations().forEach(v -> errors.rejectValue(v.field(), v.code()));
			model.addAttribute("homeFrontForm", new MyHomeFrontForm(null, null, null));
			return show(me, holder, model);
		}
	}

	@PostMapping("/my/home-front")
	String addHomeFront(@AuthenticationPrincipal AccountPrincipal me, @ModelAttribute("homeFrontForm") MyHomeFrontForm form,
			BindingResult errors, Model model) {
		Optional<OfficeHolderView> holder = own(me);
		if (holder.isEmpty()) {
			return "redirect:/my";
		}
		try {
			registry.addHomeFront(holder.get().id(), new HomeFrontData(form.relation(), form.ageBand(), form.memberName(), null,
					null), actor(me));
			return "redirect:/my?saved";
		}
		catch (RegistryRefused refused) {
			refused.violations().forEach(v -> errors.rejectValue(v.field().equals("name") ? "memberName" : v.field(), v.code()));
			model.addAttribute("contactForm", new MyContactForm(holder.get().email(), holder.get().phone()));
			return show(me, holder, model);
		}
	}

	private String show(AccountPrincipal me, Optional<OfficeHolderView> holder, Model model) {
		model.addAttribute("holder", holder.orElse(null));
		model.addAttribute("homeFront", holder.flatMap(h -> registry.homeFront(h.id(), actor(me))).orElse(List.of()));
		model.addAttribute("relations", HomeFrontRelation.values());
		model.addAttribute("ageBands", AgeBand.values());
		return "registry/mine";
	}

	private Optional<OfficeHolderView> own(AccountPrincipal me) {
		Optional<UUID> id = registry.officeHolderOf(actor(me));
		return id.flatMap(holder -> registry.find(holder, actor(me)));
	}

	private static Actor actor(AccountPrincipal me) {
		return me.actingAs(Role.CLIENT);
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		PathAuthorizations myDetailsPaths() {
			return paths -> paths.requestMatchers("/my", "/my/**").hasRole(Role.CLIENT.name());
		}

		@Bean
		NavigationItem myDetailsNavigation() {
			return new NavigationItem("/my", "nav.my", "nav.my.description", 10, Set.of(Role.CLIENT.name()));
		}
	}
}
