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
import nl.weerbaar.security.internal.AccessTokens;
import nl.weerbaar.security.internal.NotificationAddresses;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators create accounts, set their roles, recover them, and see and revoke anyone's tokens. */
@Controller
@RequestMapping("/admin/accounts")
class AccountController {

	private final AccountManagement accounts;
	private final AccessTokens tokens;
	private final NotificationAddresses addresses;

	AccountController(AccountManagement accounts, AccessTokens tokens, NotificationAddresses addresses) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.addresses = addresses;
	}

	record NewAccountForm(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String displayName,
			@NotEmpty Set<Role> roles, Boolean integration) {
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
		model.addAttribute("form", new NewAccountForm("", "", EnumSet.noneOf(Role.class), false));
		return "security/account-new";
	}

	@PostMapping
	String create(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") NewAccountForm form,
			BindingResult errors, Model model) {
		if (errors.hasErrors()) {
			return "security/account-new";
		}
		try {
			CreatedAccount created = accounts.create(form.username(), form.displayName(), form.roles(), Boolean.TRUE.equals(form.integration()),
					me.id());
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
		model.addAttribute("form", new AccountForm(account.displayName(), account.roles(), account.enabled()));
		return edit(account, model);
	}

	private String edit(AccountSummary account, Model model) {
		model.addAttribute("account", account);
		model.addAttribute("tokens", tokens.list(account.id()));
		model.addAttribute("notificationEmail", addresses.of(account.id()).orElse(""));
		if (SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof AccountPrincipal me) {
			model.addAttribute("approvals", accounts.pendingApprovals(account.id(), me.id()));
		}
		if (account.integration()) {
			if (!model.containsAttribute("tokenForm")) {
				model.addAttribute("tokenForm", new TokensController.TokenForm("", account.roles(),
						Math.min(90, tokens.maxDays(account.roles()))));
			}
			TokenLimits.addTo(model, tokens, account.roles());
		}
		return "security/account-edit";
	}

	/**
	 * Asks for a one-time set-up link for the person to choose a password; a second administrator approves it at
	 * {@code /admin/approvals}, and only then is it made.
	 */
	@PostMapping("/{id}/setup-link")
	String setupLink(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
		AccountSummary account = find(id);
		try {
			accounts.requestSetupLink(account.id(), me.id());
			redirect.addFlashAttribute("notice", "approval.requested");
		}
		catch (AccountRefused refused) {
			redirect.addFlashAttribute("problem", refused.messageKey());
		}
		return "redirect:/admin/accounts/" + id;
	}

	/** Ends every session of the account at once (a lost laptop, a suspected takeover). */
	@PostMapping("/{id}/sessions/end")
	String endSessions(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me,
			RedirectAttributes redirect) {
		AccountSummary account = find(id);
		accounts.endSessions(account.id(), me.id());
		redirect.addFlashAttribute("notice", "account.sessionsEnded");
		return "redirect:/admin/accounts/" + id;
	}

	/** The address where the person hears about their account's security, set for them (e.g. at hand-over). */
	@PostMapping("/{id}/notification-email")
	String notificationEmail(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID id,
			@RequestParam(required = false) String notificationEmail, RedirectAttributes redirect) {
		AccountSummary account = find(id);
		try {
			addresses.set(account.id(), notificationEmail, me.id());
			redirect.addFlashAttribute("notice", "account.notificationEmail.saved");
		}
		catch (AccountRefused refused) {
			redirect.addFlashAttribute("problem", refused.messageKey());
		}
		return "redirect:/admin/accounts/" + id;
	}

	@PostMapping("/{id}/factor-reset")
	String resetFactors(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me,
			RedirectAttributes redirect) {
		AccountSummary account = find(id);
		try {
			accounts.requestFactorReset(account.id(), me.id());
			redirect.addFlashAttribute("notice", "approval.requested");
		}
		catch (AccountRefused refused) {
			redirect.addFlashAttribute("problem", refused.messageKey());
		}
		return "redirect:/admin/accounts/" + id;
	}

	/** A token for an integration account (another system), made by the administrator and shown once. */
	@PostMapping("/{id}/tokens")
	String createToken(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me,
			@Valid @ModelAttribute("tokenForm") TokensController.TokenForm form, BindingResult errors, Model model) {
		AccountSummary account = find(id);
		if (!account.integration()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("form", new AccountForm(account.displayName(), account.roles(), account.enabled()));
		if (!errors.hasErrors() && !AccountManagement.INTEGRATION_ROLES.containsAll(form.roles())) {
			// an integration from before the rule keeps a wider role until changed, but gets no token with it
			errors.rejectValue("roles", "account.roles.notForIntegration");
		}
		if (errors.hasErrors()) {
			return edit(account, model);
		}
		try {
			model.addAttribute("created", tokens.create(account.id(), form.name(), form.roles(), form.days(), me.id()));
		}
		catch (AccountRefused refused) {
			errors.rejectValue(refused.field(), refused.messageKey());
			return edit(account, model);
		}
		model.addAttribute("back", "/admin/accounts/" + id);
		return "security/token-created";
	}

	@PostMapping("/{id}/tokens/{token}/revocation")
	String revokeToken(@PathVariable UUID id, @PathVariable UUID token, @AuthenticationPrincipal AccountPrincipal me,
			RedirectAttributes redirect) {
		AccountSummary account = find(id);
		try {
			tokens.revoke(account.id(), token, me.id());
		}
		catch (AccountRefused notFound) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("notice", "token.revoked");
		return "redirect:/admin/accounts/" + id;
	}

	@PostMapping("/{id}")
	String update(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me,
			@Valid @ModelAttribute("form") AccountForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		AccountSummary account = find(id);
		if (errors.hasErrors()) {
			return edit(account, model);
		}
		try {
			accounts.update(account.id(), form.displayName(), form.roles(), form.enabled(), me.id());
		}
		catch (AccountRefused refused) {
			errors.rejectValue(refused.field() == null ? "displayName" : refused.field(), refused.messageKey());
			return edit(account, model);
		}
		if (form.roles().contains(Role.ADMIN) && !account.roles().contains(Role.ADMIN)) {
			// saved, but the administrator role waits for a second administrator
			redirect.addFlashAttribute("notice", "approval.requested");
			return "redirect:/admin/accounts/" + id;
		}
		return "redirect:/admin/accounts?saved";
	}

	private AccountSummary find(UUID id) {
		return accounts.find(new AccountId(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
