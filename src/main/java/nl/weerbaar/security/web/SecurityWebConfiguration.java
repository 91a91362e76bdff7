package nl.weerbaar.security.web;

import java.util.Set;

import nl.weerbaar.security.PathAuthorizations;
import nl.weerbaar.security.Role;
import nl.weerbaar.security.StepUpPaths;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import nl.weerbaar.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecurityWebConfiguration {

	@Bean
	PathAuthorizations accountAdministrationPaths() {
		return paths -> paths.requestMatchers("/admin/accounts", "/admin/accounts/**").hasRole(Role.ADMIN.name());
	}

	/** Administrators' changes, factor changes and new tokens ask for a factor shown in the last ten minutes. */
	@Bean
	StepUpPaths accountStepUp() {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher enrolment = paths.matcher("/account/factors/setup/**");
		RequestMatcher changes = new OrRequestMatcher(paths.matcher(HttpMethod.POST, "/admin/**"),
				paths.matcher(HttpMethod.POST, "/account/factors/**"), paths.matcher("/account/tokens/new"),
				paths.matcher(HttpMethod.POST, "/account/tokens"));
		return () -> request -> changes.matches(request) && !enrolment.matches(request);
	}

	@Bean
	NavigationItem factorsNavigation() {
		return new NavigationItem("/account/factors", "nav.factors", "nav.factors.description", 101, Set.of());
	}

	@Bean
	NavigationItem sessionsNavigation() {
		return new NavigationItem("/account/sessions", "nav.sessions", "nav.sessions.description", 102, Set.of());
	}

	@Bean
	NavigationItem tokensNavigation() {
		return new NavigationItem("/account/tokens", "nav.tokens", "nav.tokens.description", 103,
				Set.of(Role.COORDINATOR.name(), Role.SUPPORTER.name(), Role.PARTNER.name(), Role.ANALYST.name(),
						Role.ADMIN.name()));
	}

	@Bean
	NavigationItem accountsNavigation() {
		return new NavigationItem("/admin/accounts", "nav.accounts", "nav.accounts.description", 90,
				Set.of(Role.ADMIN.name()));
	}

	@Bean
	NavigationItem passwordNavigation() {
		return new NavigationItem("/account/password", "nav.password", "nav.password.description", 100, Set.of());
	}
}
