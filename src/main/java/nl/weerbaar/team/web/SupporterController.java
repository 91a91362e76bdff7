package nl.weerbaar.team.web;

import java.util.UUID;

import nl.weerbaar.registry.Bodies;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.Role;
import nl.weerbaar.shared.Actor;
import nl.weerbaar.team.Expertise;
import nl.weerbaar.team.SupporterKind;
import nl.weerbaar.team.Team;
import nl.weerbaar.team.Team.SupporterQuery;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The supporter directory and a supporter's page (the read of contact details is audited). */
@Controller
class SupporterController {

	private final Team team;
	private final Bodies bodies;

	SupporterController(Team team, Bodies bodies) {
		this.team = team;
		this.bodies = bodies;
	}

	@GetMapping("/supporters")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) SupporterKind kind,
			@RequestParam(required = false) Expertise expertise, @RequestParam(required = false) String province,
			@PageableDefault(size = 25) Pageable pageable, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		model.addAttribute("page", team.search(new SupporterQuery(q, kind, expertise, province, null, null), pageable));
		model.addAttribute("kinds", SupporterKind.values());
		model.addAttribute("expertises", Expertise.values());
		model.addAttribute("provinces", bodies.provinces());
		model.addAttribute("q", q);
		model.addAttribute("kind", kind);
		model.addAttribute("expertise", expertise);
		model.addAttribute("province", province);
		return htmx != null ? "team/supporters :: results" : "team/supporters";
	}

	@GetMapping("/supporters/{id}")
	String detail(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		Role role = me.hasRole(Role.COORDINATOR) ? Role.COORDINATOR : me.hasRole(Role.ADMIN) ? Role.ADMIN : Role.SUPPORTER;
		model.addAttribute("supporter", team.find(id, new Actor(me.id().value(), role.name()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "team/supporter";
	}
}
