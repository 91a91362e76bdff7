package nl.weerbaar.security.web;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.weerbaar.security.AccountManagement.AccountRefused;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.Role;
import nl.weerbaar.security.internal.AccessTokens;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's personal access tokens for the API: made after step-up and shown once; revoked at any time. */
@Controller
@RequestMapping("/account/tokens")
class TokensController {

	private final AccessTokens tokens;

	TokensController(AccessTokens tokens) {
		this.tokens = tokens;
	}

	record TokenForm(@NotBlank @Size(max = 100) String name, @NotEmpty Set<Role> roles,
			@NotNull @Min(1) @Max(3650) Integer days) {
	}

	@GetMapping
	String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("tokens", tokens.list(me.id()));
		return "security/tokens";
	}

	@GetMapping("/new")
	String form(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("form", new TokenForm("", EnumSet.copyOf(me.roles()), Math.min(90, tokens.maxDays(me.roles()))));
		return form(me, model, "security/token-new");
	}

	@PostMapping
	String create(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") TokenForm form,
			BindingResult errors, Model model) {
		if (errors.hasErrors()) {
			return form(me, model, "security/token-new");
		}
		try {
			model.addAttribute("created", tokens.create(me.id(), form.name(), form.roles(), form.days(), me.id()));
		}
		catch (AccountRefused refused) {
			errors.rejectValue(refused.field(), refused.messageKey());
			return form(me, model, "security/token-new");
		}
		model.addAttribute("back", "/account/tokens");
		return "security/token-created";
	}

	@PostMapping("/{id}/revocation")
	String revoke(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			tokens.revoke(me.id(), id, me.id());
		}
		catch (AccountRefused notFound) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("notice", "token.revoked");
		return "redirect:/account/tokens";
	}

	private String form(AccountPrincipal me, Model model, String view) {
		model.addAttribute("roles", me.roles());
		model.addAttribute("action", "/account/tokens");
		TokenLimits.addTo(model, tokens, me.roles());
		return view;
	}
}
