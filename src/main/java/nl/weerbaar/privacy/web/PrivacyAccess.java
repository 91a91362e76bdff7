package nl.weerbaar.privacy.web;

import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import nl.weerbaar.security.StepUpPaths;
import java.util.Set;

import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.PathAuthorizations;
import nl.weerbaar.security.Role;
import nl.weerbaar.shared.Actor;
import nl.weerbaar.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Subject rights are the coordinators'; an administrator may also decide on an erasure (seeing ids only). */
@Configuration(proxyBeanMethods = false)
class PrivacyAccess {

	@Bean
	PathAuthorizations privacyPaths() {
		return paths -> paths
			.requestMatchers("/privacy/subjects/**", "/api/v1/subjects/**").hasRole(Role.COORDINATOR.name())
			.requestMatchers("/privacy", "/privacy/erasure-requests/**", "/api/v1/erasure-requests", "/api/v1/erasure-requests/**")
			.hasAnyRole(Role.COORDINATOR.name(), Role.ADMIN.name());
	}

	/**
	 * A person's export (all Weerbaar holds about them) is shown or sent only after step-up, and so is the approval
	 * of an erasure, which cannot be undone: a personal access token (which never passes step-up) can do neither.
	 */
	@Bean
	StepUpPaths exportStepUp() {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher exports = new OrRequestMatcher(paths.matcher(HttpMethod.GET, "/privacy/subjects/*"),
				paths.matcher("/api/v1/subjects/*/export"),
				paths.matcher(HttpMethod.POST, "/api/v1/erasure-requests/*/approval"),
				paths.matcher(HttpMethod.POST, "/privacy/erasure-requests/*/approval"));
		return () -> exports;
	}

	@Bean
	NavigationItem privacyNavigation() {
		return new NavigationItem("/privacy", "nav.privacy", "nav.privacy.description", 85,
				Set.of(Role.COORDINATOR.name(), Role.ADMIN.name()));
	}

	/** The role someone acts in here: as coordinator when they are one, otherwise as administrator. */
	static Actor actor(AccountPrincipal principal) {
		return principal.actingAs(Role.COORDINATOR, Role.ADMIN);
	}
}
