package nl.weerbaar.security.web;

import java.util.Set;

import nl.weerbaar.security.PathAuthorizations;
import nl.weerbaar.security.Role;
import nl.weerbaar.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecurityWebConfiguration {

	@Bean
	PathAuthorizations accountAdministrationPaths() {
		return paths -> paths.requestMatchers("/admin/accounts", "/admin/accounts/**").hasRole(Role.ADMIN.name());
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
