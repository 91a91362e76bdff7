package nl.weerbaar.security.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.weerbaar.security.AccountManagement.AccountRefused;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.internal.Account;
import nl.weerbaar.security.internal.Accounts;
import nl.weerbaar.security.internal.PendingSignIn;
import nl.weerbaar.security.internal.SecondFactors;
import nl.weerbaar.security.internal.SecondFactors.Kind;
import nl.weerbaar.security.internal.SessionControl;
import nl.weerbaar.security.internal.SignIns;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's second factors. Right after a first password sign-in ({@code /account/factors/setup}, only while the
 * account has none) they enrol a passkey or an app, which completes the sign-in and shows ten recovery codes. Once
 * signed in ({@code /account/factors}) they add and remove factors and make new codes; each change asks for step-up
 * and ends their other sessions.
 */
@Controller
@RequestMapping("/account/factors")
class FactorsController {

	private static final String CODES = "recoveryCodes";

	private final Accounts accounts;
	private final SecondFactors factors;
	private final SignIns signIns;
	private final SessionControl sessions;
	private final Ceremonies ceremonies;

	FactorsController(Accounts accounts, SecondFactors factors, SignIns signIns, SessionControl sessions,
			Ceremonies ceremonies) {
		this.accounts = accounts;
		this.factors = factors;
		this.signIns = signIns;
		this.sessions = sessions;
		this.ceremonies = ceremonies;
	}

	// Enrolment, right after the first password sign-in

	@GetMapping("/setup")
	String setup(Authentication authentication, Model model) {
		enrolling(authentication);
		model.addAttribute("setup", true);
		return "security/factors-setup";
	}

	@PostMapping("/setup/totp")
	String setupTotp(Authentication authentication, Model model) {
		Account account = enrolling(authentication);
		model.addAttribute("setup", true);
		model.addAttribute("totp", factors.startTotp(account.id(), account.username()));
		return "security/totp-setup";
	}

	@PostMapping("/setup/totp/confirmation")
	String setupTotpConfirm(Authentication authentication, @RequestParam(required = false) String code,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Account account = enrolling(authentication);
		boolean taken = signIns.tryAttempt(account.username(), request);
		if (!taken || !factors.confirmTotp(account.id(), code)) {
			if (taken) {
				signIns.failed(request);
			}
			// the same key again, with the problem next to the code field: nothing to scan anew
			var pending = factors.pendingTotp(account.id(), account.username());
			if (pending.isEmpty()) {
				redirect.addFlashAttribute("problem", "factor.totp.wrongCode");
				return "redirect:/account/factors/setup";
			}
			model.addAttribute("setup", true);
			model.addAttribute("totp", pending.get());
			model.addAttribute("codeError", taken ? "factor.totp.wrongCode" : "login.throttled");
			return "security/totp-setup";
		}
		return completed(account, Kind.TOTP, request, response, redirect);
	}

	@PostMapping("/setup/passkey/options")
	@ResponseBody
	Map<String, Object> setupPasskeyOptions(Authentication authentication, HttpSession session) {
		return factors.creationOptions(enrolling(authentication), ceremonies.newChallenge(session));
	}

	@PostMapping("/setup/passkey")
	ResponseEntity<Map<String, String>> setupPasskey(Authentication authentication,
			@RequestBody(required = false) Ceremonies.PasskeyAnswer answer, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		Account account = enrolling(authentication);
		if (!register(account, answer, request)) {
			return ResponseEntity.badRequest().body(Map.of("detail", "factor.passkey.failed"));
		}
		String next = completed(account, Kind.PASSKEY, request, response, redirect).substring("redirect:".length());
		return ResponseEntity.ok(Map.of("redirect", next));
	}

	private String completed(Account account, Kind kind, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		String next = signIns.complete(new PendingSignIn(account.id(), account.username()), kind, request, response);
		request.getSession().setAttribute(CODES, factors.newRecoveryCodes(account.id()));
		request.getSession().setAttribute(FactorController.CONTINUE, next);
		return "redirect:/account/factors/recovery-codes";
	}

	/** The one moment recovery codes are shown: they are kept in the session until this page shows them. */
	@GetMapping("/recovery-codes")
	String recoveryCodes(HttpSession session, Model model) {
		Object codes = session.getAttribute(CODES);
		session.removeAttribute(CODES);
		if (!(codes instanceof List<?> list)) {
			return "redirect:/account/factors";
		}
		Object next = session.getAttribute(FactorController.CONTINUE);
		session.removeAttribute(FactorController.CONTINUE);
		model.addAttribute("codes", list);
		model.addAttribute("next", next instanceof String path ? path : "/account/factors");
		return "security/recovery-codes";
	}

	// Management, signed in

	@GetMapping
	String overview(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("overview", factors.overview(account(me)));
		return "security/factors";
	}

	@PostMapping("/totp")
	String addTotp(@AuthenticationPrincipal AccountPrincipal me, Model model, RedirectAttributes redirect) {
		try {
			model.addAttribute("totp", factors.startTotp(me.id(), me.getUsername()));
		}
		catch (AccountRefused refused) {
			redirect.addFlashAttribute("problem", refused.messageKey());
			return "redirect:/account/factors";
		}
		model.addAttribute("setup", false);
		return "security/totp-setup";
	}

	@PostMapping("/totp/confirmation")
	String confirmTotp(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String code,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if (!factors.confirmTotp(me.id(), code)) {
			var pending = factors.pendingTotp(me.id(), me.getUsername());
			if (pending.isEmpty()) {
				redirect.addFlashAttribute("problem", "factor.totp.wrongCode");
				return "redirect:/account/factors";
			}
			model.addAttribute("setup", false);
			model.addAttribute("totp", pending.get());
			model.addAttribute("codeError", "factor.totp.wrongCode");
			return "security/totp-setup";
		}
		// after the other sessions end: enrolled() gives this one a new id
		String next = changed(me, request, redirect, "factor.totp.added");
		signIns.enrolled(Kind.TOTP, request, response);
		return next;
	}

	@PostMapping("/totp/removal")
	String removeTotp(@AuthenticationPrincipal AccountPrincipal me, HttpServletRequest request,
			RedirectAttributes redirect) {
		try {
			factors.removeTotp(me.id());
		}
		catch (AccountRefused refused) {
			redirect.addFlashAttribute("problem", refused.messageKey());
			return "redirect:/account/factors";
		}
		return changed(me, request, redirect, "factor.totp.removed");
	}

	@PostMapping("/passkeys/options")
	@ResponseBody
	Map<String, Object> passkeyOptions(@AuthenticationPrincipal AccountPrincipal me, HttpSession session) {
		return factors.creationOptions(account(me), ceremonies.newChallenge(session));
	}

	@PostMapping("/passkeys")
	ResponseEntity<Map<String, String>> addPasskey(@AuthenticationPrincipal AccountPrincipal me,
			@RequestBody(required = false) Ceremonies.PasskeyAnswer answer, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		Account account = account(me);
		if (!register(account, answer, request)) {
			return ResponseEntity.badRequest().body(Map.of("detail", "factor.passkey.failed"));
		}
		changed(me, request, redirect, "factor.passkey.added");
		signIns.enrolled(Kind.PASSKEY, request, response);
		if (factors.overview(account).recoveryCodesLeft() == 0) {
			request.getSession().setAttribute(CODES, factors.newRecoveryCodes(me.id()));
			return ResponseEntity.ok(Map.of("redirect", "/account/factors/recovery-codes"));
		}
		return ResponseEntity.ok(Map.of("redirect", "/account/factors"));
	}

	@PostMapping("/passkeys/{id}/removal")
	String removePasskey(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID id,
			HttpServletRequest request, RedirectAttributes redirect) {
		try {
			factors.removePasskey(me.id(), id);
		}
		catch (AccountRefused refused) {
			if (refused.messageKey().equals("account.notFound")) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("problem", refused.messageKey());
			return "redirect:/account/factors";
		}
		return changed(me, request, redirect, "factor.passkey.removed");
	}

	@PostMapping("/recovery-codes")
	String newRecoveryCodes(@AuthenticationPrincipal AccountPrincipal me, HttpServletRequest request) {
		request.getSession().setAttribute(CODES, factors.newRecoveryCodes(me.id()));
		sessions.endAllExcept(me.getUsername(), request.getSession().getId());
		return "redirect:/account/factors/recovery-codes";
	}

	private String changed(AccountPrincipal me, HttpServletRequest request, RedirectAttributes redirect,
			String notice) {
		sessions.endAllExcept(me.getUsername(), request.getSession().getId());
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/account/factors";
	}

	private boolean register(Account account, Ceremonies.PasskeyAnswer answer, HttpServletRequest request) {
		byte[] challenge = ceremonies.takeChallenge(request.getSession());
		String label = answer == null || answer.label() == null || answer.label().isBlank() ? "Passkey"
				: answer.label().strip();
		return answer != null && answer.credential() != null && challenge != null && label.length() <= 100
				&& factors.registerPasskey(account.id(), answer.credential(), label, challenge,
						ceremonies.origins(request));
	}

	/** The account enrolling its first factor: a pending sign-in with none yet; anyone else is not found here. */
	private Account enrolling(Authentication authentication) {
		if (authentication.getPrincipal() instanceof PendingSignIn pending && !factors.hasAny(pending.account())) {
			return accounts.findById(pending.account().value())
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		throw new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	private Account account(AccountPrincipal me) {
		if (me == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return accounts.findById(me.id().value()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
