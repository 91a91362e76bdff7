package nl.weerbaar.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import nl.weerbaar.security.AccountManagement;
import nl.weerbaar.security.AccountManagement.AccountRefused;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.internal.SignIns;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Everyone changes their own password here; someone given a password must do so before anything else. */
@Controller
@RequestMapping("/account/password")
class PasswordController {

	private final AccountManagement accounts;
	private final SignIns signIns;

	PasswordController(AccountManagement accounts, SignIns signIns) {
		this.accounts = accounts;
		this.signIns = signIns;
	}

	record PasswordForm(@NotBlank String currentPassword, @NotBlank String newPassword, @NotBlank String confirmation) {
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("form", new PasswordForm("", "", ""));
		return "security/password";
	}

	@PostMapping
	String change(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") PasswordForm form,
			BindingResult errors, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!errors.hasFieldErrors("newPassword") && !errors.hasFieldErrors("confirmation")
				&& !form.newPassword().equals(form.confirmation())) {
			errors.rejectValue("confirmation", "password.mismatch");
		}
		if (errors.hasErrors()) {
			return "security/password";
		}
		// the current password is checked behind the sign-in throttle, like a sign-in's: a borrowed session must not
		// be a way to guess it
		if (!signIns.tryAttempt(me.getUsername(), request)) {
			errors.rejectValue("currentPassword", "login.throttled");
			return "security/password";
		}
		try {
			AccountPrincipal updated = accounts.changeOwnPassword(me.id(), form.currentPassword(), form.newPassword(),
					request.getSession().getId());
			signIns.giveBack(me.getUsername(), request);
			signIns.refresh(updated, request, response);
		}
		catch (AccountRefused refused) {
			if ("currentPassword".equals(refused.field())) {
				signIns.failed(request);
			}
			else {
				// the current password was right; only the new one was refused
				signIns.giveBack(me.getUsername(), request);
			}
			errors.rejectValue(refused.field(), refused.messageKey());
			return "security/password";
		}
		redirect.addFlashAttribute("notice", "password.changed");
		return "redirect:/";
	}
}
