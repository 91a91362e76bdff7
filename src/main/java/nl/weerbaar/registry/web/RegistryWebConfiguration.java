package nl.weerbaar.registry.web;

import java.util.Set;

import nl.weerbaar.security.PathAuthorizations;
import nl.weerbaar.security.Role;
import org.springframework.http.HttpMethod;
import nl.weerbaar.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who reaches the registry's pages and API, and its place in the navigation. */
@Configuration(proxyBeanMethods = false)
class RegistryWebConfiguration {

	@Bean
	PathAuthorizations registryPaths() {
		// bodies are reference data that every signed-in person may read; people are for the registry's managers
		return paths -> paths.requestMatchers("/bodies", "/bodies/**", "/api/v1/bodies", "/api/v1/bodies/**")
			.authenticated()
			.requestMatchers(HttpMethod.GET, "/api/v1/functions").authenticated()
			.requestMatchers("/api/v1/functions/*").hasRole(Role.ADMIN.name())
			.requestMatchers("/api/v1/office-holders/import").hasAnyRole(Role.COORDINATOR.name(), Role.ADMIN.name())
			// a client reaches only their own record (checked per object; anyone else's answers 404)
			.requestMatchers("/api/v1/office-holders/*", "/api/v1/office-holders/*/home-front")
			.hasAnyRole(Role.COORDINATOR.name(), Role.ADMIN.name(), Role.CLIENT.name())
			.requestMatchers("/api/v1/office-holders", "/api/v1/office-holders/**", "/office-holders", "/office-holders/**")
			.hasAnyRole(Role.COORDINATOR.name(), Role.ADMIN.name());
	}

	@Bean
	NavigationItem bodiesNavigation() {
		return new NavigationItem("/bodies", "nav.bodies", "nav.bodies.description", 80, Set.of());
	}
}
