package nl.weerbaar.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import nl.weerbaar.platform.Installation;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page, computed here rather than in the template (Thymeleaf forbids bean access in
 * attribute expressions, and this keeps templates free of logic).
 */
@ControllerAdvice
class LayoutAttributes {

	private final Navigation navigation;
	private final Installation installation;

	LayoutAttributes(Navigation navigation, Installation installation) {
		this.navigation = navigation;
		this.installation = installation;
	}

	@ModelAttribute("navigation")
	List<Navigation.Entry> navigation(Authentication authentication, HttpServletRequest request) {
		return navigation.visibleTo(authentication, request.getRequestURI().substring(request.getContextPath().length()));
	}

	@ModelAttribute("demo")
	boolean demo() {
		return installation.isDemo();
	}
}
