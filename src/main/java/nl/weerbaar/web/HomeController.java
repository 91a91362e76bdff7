package nl.weerbaar.web;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what asks for attention now, and what the signed-in person can reach, by role. */
@Controller
class HomeController {

	private final List<Attention> attention;

	HomeController(List<Attention> attention) {
		this.attention = attention;
	}

	@GetMapping("/")
	String home(Authentication who, Model model) {
		model.addAttribute("attention", attention.stream()
			.flatMap(source -> source.itemsFor(who).stream())
			.filter(item -> item.count() > 0)
			.toList());
		return "web/home";
	}
}
