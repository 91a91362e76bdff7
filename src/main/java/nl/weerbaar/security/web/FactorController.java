package nl.weerbaar.security.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.internal.Account;
import nl.weerbaar.security.internal.Accounts;
import nl.weerbaar.security.internal.PendingSignIn;
import nl.weerbaar.security.internal.SecondFactors;
import nl.weerbaar.security.internal.SecondFactors.Kind;
import nl.weerbaar.security.internal.SignIns;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second step of a sign-in, and step-up: the person shows a passkey, a code from their app or a recovery code
 * (or, without a second factor, their password again for step-up). Each answer takes a token of the sign-in throttle
 * before it is checked, like a password; a wrong one keeps it taken and gets the same message, whichever factor it
 * was.
 */
@Controller
@RequestMapping("/login/factor")
class FactorController {

	static final String CONTINUE = "weerbaar.stepUp.continue";

	private final Accounts accounts;
	private final SecondFactors factors;
	private final SignIns signIns;
	private final PasswordEncoder passwordEncoder;
	private final Ceremonies ceremonies;

	FactorController(Accounts accounts, SecondFactors factors, SignIns signIns, PasswordEncoder passwordEncoder,
			Ceremonies ceremonies) {
		this.accounts = accounts;
		this.factors = factors;
		this.signIns = signIns;
		this.passwordEncoder = passwordEncoder;
		this.ceremonies = ceremonies;
	}

	/** Who is confirming: a pending sign-in, or a signed-in person stepping up. */
	private record Who(Account account, boolean pending) {
	}

	@GetMapping
	String page(Authentication authentication, @RequestParam(name = "continue", required = false) String next,
			@RequestParam(required = false) String failed, @RequestParam(required = false) String throttled,
			HttpSession session, Model model) {
		Who who = who(authentication);
		SecondFactors.Overview overview = factors.overview(who.account());
		if (who.pending() && !overview.any()) {
			return "redirect:/account/factors/setup";
		}
		if (!who.pending() && isLocalPath(next)) {
			session.setAttribute(CONTINUE, next);
		}
		model.addAttribute("stepUp", !who.pending());
		model.addAttribute("passwordOnly", !who.pending() && !overview.any() && !SignIns.usedSecondFactor(authentication));
		model.addAttribute("overview", overview);
		model.addAttribute("failure", throttled != null ? "login.throttled" : failed != null ? "factor.failed" : null);
		return "security/factor";
	}

	@PostMapping("/totp")
	String totp(Authentication authentication, @RequestParam(required = false) String code, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		Who who = who(authentication);
		if (!signIns.tryAttempt(who.account().username(), request)) {
			return throttled();
		}
		return finish(who, factors.verifyTotp(who.account().id(), code) ? Kind.TOTP : null, request, response,
				redirect);
	}

	@PostMapping("/recovery")
	String recovery(Authentication authentication, @RequestParam(required = false) String code,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		Who who = who(authentication);
		if (!signIns.tryAttempt(who.account().username(), request)) {
			return throttled();
		}
		Kind kind = factors.useRecoveryCode(who.account().id(), code) ? Kind.RECOVERY_CODE : null;
		if (kind != null) {
			redirect.addFlashAttribute("notice", "factor.recoveryCodeUsed");
		}
		return finish(who, kind, request, response, redirect);
	}

	/**
	 * Step-up for an account without a second factor (a client's, a demo account's): the password again. Refused for
	 * an account that has a factor, by what is stored, whatever the session holds: the password alone must never
	 * stand in for the factor.
	 */
	@PostMapping("/password")
	String password(Authentication authentication, @RequestParam(required = false) String password,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		Who who = who(authentication);
		if (who.pending() || SignIns.usedSecondFactor(authentication) || factors.hasAny(who.account().id())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (!signIns.tryAttempt(who.account().username(), request)) {
			return throttled();
		}
		boolean right = password != null && password.length() <= 1024
				&& passwordEncoder.matches(password, who.account().passwordHash());
		if (!right) {
			return failed(request);
		}
		return "redirect:" + stepUp(who, null, request, response);
	}

	@PostMapping("/passkey/options")
	@ResponseBody
	Map<String, Object> passkeyOptions(Authentication authentication, HttpSession session) {
		Who who = who(authentication);
		return factors.requestOptions(who.account().id(), ceremonies.newChallenge(session));
	}

	@PostMapping("/passkey")
	ResponseEntity<Map<String, String>> passkey(Authentication authentication,
			@RequestBody(required = false) Ceremonies.PasskeyAnswer answer, HttpServletRequest request,
			HttpServletResponse response) {
		Who who = who(authentication);
		byte[] challenge = ceremonies.takeChallenge(request.getSession());
		if (!signIns.tryAttempt(who.account().username(), request)) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body(Map.of("detail", "login.throttled"));
		}
		boolean verified = answer != null && challenge != null
				&& factors.verifyPasskey(who.account().id(), answer.credential(), challenge, ceremonies.origins(request));
		if (!verified) {
			signIns.failed(request);
			return ResponseEntity.badRequest().body(Map.of("detail", "factor.failed"));
		}
		String next = who.pending() ? signIns.complete(pendingOf(who), Kind.PASSKEY, request, response)
				: stepUp(who, Kind.PASSKEY, request, response);
		return ResponseEntity.ok(Map.of("redirect", next));
	}

	private String finish(Who who, Kind kind, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (kind == null) {
			return failed(request);
		}
		if (who.pending()) {
			return "redirect:" + signIns.complete(pendingOf(who), kind, request, response);
		}
		return "redirect:" + stepUp(who, kind, request, response);
	}

	private String stepUp(Who who, Kind kind, HttpServletRequest request, HttpServletResponse response) {
		signIns.giveBack(who.account().username(), request);
		signIns.verified(kind, request, response);
		return continueTo(request.getSession());
	}

	/** A wrong answer: its attempt stays taken. */
	private String failed(HttpServletRequest request) {
		signIns.failed(request);
		return "redirect:/login/factor?failed";
	}

	private static String throttled() {
		return "redirect:/login/factor?throttled";
	}

	/** A path on this site only: one slash, then no second slash or backslash (which browsers read as a host). */
	static boolean isLocalPath(String next) {
		return next != null && next.length() <= 2000 && next.matches("/(?![/\\\\])[^\\\\\\s]*");
	}

	private static String continueTo(HttpSession session) {
		Object next = session.getAttribute(CONTINUE);
		session.removeAttribute(CONTINUE);
		return next instanceof String path ? path : "/";
	}

	private static PendingSignIn pendingOf(Who who) {
		return new PendingSignIn(who.account().id(), who.account().username());
	}

	private Who who(Authentication authentication) {
		if (authentication.getPrincipal() instanceof PendingSignIn pending) {
			return new Who(find(pending.account().value()), true);
		}
		if (authentication.getPrincipal() instanceof AccountPrincipal principal) {
			return new Who(find(principal.id().value()), false);
		}
		throw new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	private Account find(java.util.UUID id) {
		return accounts.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
