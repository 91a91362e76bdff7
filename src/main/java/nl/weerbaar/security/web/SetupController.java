package nl.weerbaar.security.web;

import nl.weerbaar.security.AccountManagement;
import nl.weerbaar.security.AccountManagement.AccountRefused;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a one-time set-up link opens: its owner chooses a password, then signs in (with their second factor,
 * or enrolling one). An unknown, used or expired link gets one message for all three.
 */
@Controller
@RequestMapping("/account/setup")
class SetupController {

	private final AccountManagement accounts;

	SetupController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	String form(@RequestParam(required = false) String token, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("username", accounts.setupLinkFor(token).orElse(null));
		return "security/setup";
	}

	@PostMapping
	String choose(@RequestParam(required = false) String token, @RequestParam(required = false) String newPassword,
			@RequestParam(required = false) String confirmation, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("username", accounts.setupLinkFor(token).orElse(null));
		if (newPassword == null || !newPassword.equals(confirmation)) {
			model.addAttribute("fieldProblem", newPassword == null || newPassword.isEmpty() ? "password.required"
					: "password.mismatch");
			return "security/setup";
		}
		try {
			accounts.choosePasswordWithLink(token, newPassword);
		}
		catch (AccountRefused refused) {
			model.addAttribute(refused.field() == null ? "linkProblem" : "fieldProblem", refused.messageKey());
			return "security/setup";
		}
		return "redirect:/login?setup";
	}
}
