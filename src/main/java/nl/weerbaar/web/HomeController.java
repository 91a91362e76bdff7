package nl.weerbaar.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what the signed-in person can reach, by role. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "web/home";
	}
}
