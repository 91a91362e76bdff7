package nl.weerbaar.network.web;

import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import nl.weerbaar.security.StepUpPaths;
import java.util.Set;

import nl.weerbaar.security.PathAuthorizations;
import org.springframework.http.HttpMethod;
import nl.weerbaar.security.Role;
import nl.weerbaar.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who reaches the network's pages and API (the case's referral paths fall under the case paths; the facade decides
 * per case and per referral), and their place in the navigation.
 */
@Configuration(proxyBeanMethods = false)
class NetworkWebConfiguration {

	@Bean
	PathAuthorizations networkPaths() {
		return paths -> paths.requestMatchers(HttpMethod.POST, "/partners", "/partners/**")
			.hasRole(Role.ADMIN.name())
			.requestMatchers("/partners/*")
			.hasRole(Role.ADMIN.name())
			.requestMatchers(HttpMethod.GET, "/api/v1/partners", "/api/v1/partners/*", "/partners")
			.hasAnyRole(Role.COORDINATOR.name(), Role.SUPPORTER.name(), Role.ADMIN.name())
			.requestMatchers("/api/v1/partners", "/api/v1/partners/**")
			.hasRole(Role.ADMIN.name())
			.requestMatchers("/api/v1/referrals", "/api/v1/referrals/**", "/partner/referrals", "/partner/referrals/**")
			.hasRole(Role.PARTNER.name());
	}

	/** Changing the partner organisations is an administrator's action: after step-up. */
	@Bean
	StepUpPaths partnerChangesStepUp() {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher changes = new OrRequestMatcher(paths.matcher(HttpMethod.POST, "/partners/**"),
				paths.matcher(HttpMethod.POST, "/api/v1/partners/**"), paths.matcher(HttpMethod.PUT, "/api/v1/partners/**"),
				paths.matcher(HttpMethod.DELETE, "/api/v1/partners/**"));
		return () -> changes;
	}

	@Bean
	NavigationItem partnersNavigation() {
		return new NavigationItem("/partners", "nav.partners", "nav.partners.description", 40,
				Set.of(Role.COORDINATOR.name(), Role.SUPPORTER.name(), Role.ADMIN.name()));
	}

	@Bean
	NavigationItem partnerReferralsNavigation() {
		return new NavigationItem("/partner/referrals", "nav.partnerReferrals", "nav.partnerReferrals.description", 10,
				Set.of(Role.PARTNER.name()));
	}
}
