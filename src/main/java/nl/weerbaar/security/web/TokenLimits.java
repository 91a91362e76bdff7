package nl.weerbaar.security.web;

import java.util.Set;

import nl.weerbaar.security.Role;
import nl.weerbaar.security.internal.AccessTokens;
import org.springframework.ui.Model;

/** What the token form says about how long a token may live: each role's limit, the shortest counting. */
final class TokenLimits {

	private TokenLimits() {
	}

	static void addTo(Model model, AccessTokens tokens, Set<Role> roles) {
		var perRole = tokens.maxDaysPerRole(roles);
		model.addAttribute("maxDaysPerRole", perRole);
		model.addAttribute("maxDays", perRole.values().stream().mapToInt(Integer::intValue).max().orElse(1));
	}
}
