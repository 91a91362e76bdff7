package nl.weerbaar.cases.web;

import java.util.List;
import java.util.Set;

import nl.weerbaar.cases.Cases;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.PathAuthorizations;
import nl.weerbaar.security.Role;
import nl.weerbaar.web.Attention;
import nl.weerbaar.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who reaches the case pages and API (the facade decides per case), and their place in the navigation. */
@Configuration(proxyBeanMethods = false)
class CasesWebConfiguration {

	@Bean
	PathAuthorizations casesPaths() {
		return paths -> paths.requestMatchers("/api/v1/cases", "/api/v1/cases/**")
			.hasAnyRole(Role.COORDINATOR.name(), Role.SUPPORTER.name(), Role.CLIENT.name())
			.requestMatchers("/cases", "/cases/**")
			.hasAnyRole(Role.COORDINATOR.name(), Role.SUPPORTER.name())
			.requestMatchers("/my/cases", "/my/cases/**")
			.hasRole(Role.CLIENT.name());
	}

	/** On the start page: cases with something overdue, the supporter's own or all for a coordinator. */
	@Bean
	Attention casesAttention(Cases cases) {
		return who -> {
			if (!(who.getPrincipal() instanceof AccountPrincipal me) || !(me.hasRole(Role.COORDINATOR) || me.hasRole(Role.SUPPORTER))) {
				return List.of();
			}
			return List.of(new Attention.Item("attention.cases.overdue", cases.overdueCount(CaseController.actor(me)), "/cases", true));
		};
	}

	@Bean
	NavigationItem casesNavigation() {
		return new NavigationItem("/cases", "nav.cases", "nav.cases.description", 14,
				Set.of(Role.COORDINATOR.name(), Role.SUPPORTER.name()));
	}

	@Bean
	NavigationItem myCasesNavigation() {
		return new NavigationItem("/my/cases", "nav.myCases", "nav.myCases.description", 11, Set.of(Role.CLIENT.name()));
	}
}
