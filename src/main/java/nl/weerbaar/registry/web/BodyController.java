package nl.weerbaar.registry.web;

import nl.weerbaar.registry.Bodies;
import nl.weerbaar.registry.BodyKind;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The list of bodies, with filters; htmx swaps only the results while one types. */
@Controller
class BodyController {

	private final Bodies bodies;

	BodyController(Bodies bodies) {
		this.bodies = bodies;
	}

	@GetMapping("/bodies")
	String list(@RequestParam(required = false) BodyKind kind, @RequestParam(required = false) String province,
			@RequestParam(required = false) String q, @PageableDefault(size = 25) Pageable pageable,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("page", bodies.find(kind, province, q, pageable));
		model.addAttribute("kinds", BodyKind.values());
		model.addAttribute("provinces", bodies.provinces());
		model.addAttribute("kind", kind);
		model.addAttribute("province", province);
		model.addAttribute("q", q);
		return htmx != null ? "registry/bodies :: results" : "registry/bodies";
	}
}
