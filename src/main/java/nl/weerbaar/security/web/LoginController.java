package nl.weerbaar.security.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	@GetMapping("/login")
	String login(Authentication authentication, @RequestParam(required = false) String error,
			@RequestParam(required = false) String throttled, @RequestParam(required = false) String logout,
			@RequestParam(required = false) String setup, Model model) {
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		// one message for every failure: an unknown user, a wrong password and a blocked account look alike
		model.addAttribute("failure", throttled != null ? "login.throttled" : error != null ? "login.failed" : null);
		model.addAttribute("signedOut", logout != null);
		model.addAttribute("setupDone", setup != null);
		return "security/login";
	}
}
