package nl.weerbaar.security.web;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import nl.weerbaar.security.AccountId;
import nl.weerbaar.security.AccountManagement;
import nl.weerbaar.security.AccountManagement.AccountRefused;
import nl.weerbaar.security.AccountManagement.AccountSummary;
import nl.weerbaar.security.AccountManagement.CreatedAccount;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.Role;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
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

/** Administrators create accounts and set their roles. */
@Controller
@RequestMapping("/admin/accounts")
class AccountController {

	private final AccountManagement accounts;

	AccountController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	record NewAccountForm(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String displayName,
			@NotEmpty Set<Role> roles) {
	}

	record AccountForm(@NotBlank @Size(max = 200) String displayName, @NotEmpty Set<Role> roles, boolean enabled) {
	}

	@ModelAttribute("allRoles")
	Role[] allRoles() {
		return Role.values();
	}

	@GetMapping
	String list(@PageableDefault(size = 50) Pageable pageable, Model model) {
		model.addAttribute("page", accounts.list(pageable));
		return "security/accounts";
	}

	@GetMapping("/new")
	String newAccount(Model model) {
		model.addAttribute("form", new NewAccountForm("", "", EnumSet.noneOf(Role.class)));
		return "security/account-new";
	}

	@PostMapping
	String create(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") NewAccountForm form,
			BindingResult errors, Model model) {
		if (errors.hasErrors()) {
			return "security/account-new";
		}
		try {
			CreatedAccount created = accounts.create(form.username(), form.displayName(), form.roles(), me.id());
			model.addAttribute("created", created);
			return "security/account-created";
		}
		catch (AccountRefused refused) {
			errors.rejectValue(refused.field(), refused.messageKey());
			return "security/account-new";
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable UUID id, Model model) {
		AccountSummary account = find(id);
		model.addAttribute("account", account);
		model.addAttribute("form", new AccountForm(account.displayName(), account.roles(), account.enabled()));
		return "security/account-edit";
	}

	@PostMapping("/{id}")
	String update(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me,
			@Valid @ModelAttribute("form") AccountForm form, BindingResult errors, Model model) {
		AccountSummary account = find(id);
		model.addAttribute("account", account);
		if (errors.hasErrors()) {
			return "security/account-edit";
		}
		try {
			accounts.update(account.id(), form.displayName(), form.roles(), form.enabled(), me.id());
		}
		catch (AccountRefused refused) {
			errors.rejectValue(refused.field() == null ? "displayName" : refused.field(), refused.messageKey());
			return "security/account-edit";
		}
		return "redirect:/admin/accounts?saved";
	}

	private AccountSummary find(UUID id) {
		return accounts.find(new AccountId(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
