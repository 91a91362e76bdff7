package nl.weerbaar.security.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import nl.weerbaar.security.AccountManagement;
import nl.weerbaar.security.AccountManagement.AccountRefused;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a one-time set-up link opens: its owner chooses a password, then signs in (with their second factor,
 * or enrolling one). An unknown, used or expired link gets one message for all three.
 * <p>
 * The link carries its token in the query (ASVS 5.0 V14.2.1): opening it moves the token into the session and
 * redirects (303) to the same path without it, so the token stays out of the address bar, the history and any
 * Referer, and out of the page and its form.
 */
@Controller
@RequestMapping("/account/setup")
class SetupController {

	static final String TOKEN = SetupController.class.getName() + ".token";

	private final AccountManagement accounts;

	SetupController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@GetMapping(params = "token")
	ResponseEntity<Void> open(@RequestParam String token, HttpServletRequest request) {
		request.getSession(true);
		request.changeSessionId();
		request.getSession().setAttribute(TOKEN, token);
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/account/setup")).build();
	}

	@GetMapping
	String form(HttpSession session, Model model) {
		String token = (String) session.getAttribute(TOKEN);
		model.addAttribute("username", accounts.setupLinkFor(token).orElse(null));
		return "security/setup";
	}

	@PostMapping
	String choose(@RequestParam(required = false) String token, @RequestParam(required = false) String newPassword,
			@RequestParam(required = false) String confirmation, HttpSession session, Model model) {
		if (token == null || token.isEmpty()) {
			token = (String) session.getAttribute(TOKEN);
		}
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
		session.removeAttribute(TOKEN);
		return "redirect:/login?setup";
	}
}
