package nl.weerbaar.matching.web;

import java.util.List;
import java.util.Set;

import nl.weerbaar.matching.AssignmentStatus;
import nl.weerbaar.matching.Matching;
import nl.weerbaar.security.AccountPrincipal;

import nl.weerbaar.security.PathAuthorizations;
import nl.weerbaar.security.Role;
import nl.weerbaar.web.Attention;
import nl.weerbaar.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who reaches matching's pages and API (the request's own paths are intake's), and its place in the navigation. */
@Configuration(proxyBeanMethods = false)
class MatchingWebConfiguration {

	@Bean
	PathAuthorizations matchingPaths() {
		return paths -> paths.requestMatchers("/api/v1/matching/**", "/matching", "/matching/**")
			.hasRole(Role.COORDINATOR.name())
			.requestMatchers("/api/v1/proposals", "/api/v1/proposals/**", "/proposals", "/proposals/**")
			.hasRole(Role.SUPPORTER.name());
	}

	/** On the start page: declined and expired proposals for coordinators, proposals to answer for a supporter. */
	@Bean
	Attention matchingAttention(Matching matching) {
		return who -> {
			if (!(who.getPrincipal() instanceof AccountPrincipal me)) {
				return List.of();
			}
			if (me.hasRole(Role.COORDINATOR)) {
				return List.of(new Attention.Item("attention.proposals.back", matching.needingAttention(me.actingAs(Role.COORDINATOR)).size(),
						"/matching", false));
			}
			if (me.hasRole(Role.SUPPORTER)) {
				return List.of(new Attention.Item("attention.proposals.mine", matching.mine(me.actingAs(Role.SUPPORTER))
					.stream().filter(p -> p.status() == AssignmentStatus.PROPOSED).count(), "/proposals", true));
			}
			return List.of();
		};
	}

	@Bean
	NavigationItem matchingNavigation() {
		return new NavigationItem("/matching", "nav.matching", "nav.matching.description", 12, Set.of(Role.COORDINATOR.name()));
	}

	@Bean
	NavigationItem proposalsNavigation() {
		return new NavigationItem("/proposals", "nav.proposals", "nav.proposals.description", 12, Set.of(Role.SUPPORTER.name()));
	}
}
