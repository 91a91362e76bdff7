package nl.weerbaar.security.web;

import jakarta.servlet.http.HttpServletRequest;
import nl.weerbaar.security.AccountEvents.SessionsEnded;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.internal.SessionControl;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's active sessions (browser, address, since, last active), each of which they can end. */
@Controller
@RequestMapping("/account/sessions")
class SessionsController {

	private final SessionControl sessions;
	private final ApplicationEventPublisher events;

	SessionsController(SessionControl sessions, ApplicationEventPublisher events) {
		this.sessions = sessions;
		this.events = events;
	}

	@GetMapping
	String list(@AuthenticationPrincipal AccountPrincipal me, HttpServletRequest request, Model model) {
		model.addAttribute("sessions", sessions.list(me.getUsername(), request.getSession().getId()));
		return "security/sessions";
	}

	@PostMapping("/end")
	String end(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String session,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (!sessions.end(me.getUsername(), session, request.getSession().getId())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		events.publishEvent(new SessionsEnded(me.id(), 1));
		redirect.addFlashAttribute("notice", "sessions.ended");
		return "redirect:/account/sessions";
	}

	@PostMapping("/end-others")
	String endOthers(@AuthenticationPrincipal AccountPrincipal me, HttpServletRequest request,
			RedirectAttributes redirect) {
		int ended = sessions.endAllExcept(me.getUsername(), request.getSession().getId());
		events.publishEvent(new SessionsEnded(me.id(), ended));
		redirect.addFlashAttribute("notice", "sessions.endedOthers");
		return "redirect:/account/sessions";
	}
}
