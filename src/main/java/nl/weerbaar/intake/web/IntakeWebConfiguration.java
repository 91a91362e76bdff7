package nl.weerbaar.intake.web;

import java.util.List;
import java.util.Set;

import nl.weerbaar.intake.Intake;
import nl.weerbaar.intake.Queue;
import nl.weerbaar.intake.internal.PublicRouteGuard;
import nl.weerbaar.security.AccountPrincipal;

import nl.weerbaar.security.PathAuthorizations;
import nl.weerbaar.security.Role;
import nl.weerbaar.web.Attention;
import nl.weerbaar.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who reaches intake's pages and API, and its place in the navigation. */
@Configuration(proxyBeanMethods = false)
class IntakeWebConfiguration {

	@Bean
	PathAuthorizations intakePaths() {
		return paths -> paths.requestMatchers("/hulp", "/hulp/**")
			.permitAll()
			// the facade decides per request and per object (a refused one answers 404 and is audited)
			.requestMatchers("/api/v1/support-requests", "/api/v1/support-requests/**")
			.authenticated()
			.requestMatchers("/requests", "/requests/**")
			.hasRole(Role.COORDINATOR.name())
			.requestMatchers("/my/requests", "/my/requests/**")
			.hasRole(Role.CLIENT.name());
	}

	/**
	 * On a coordinator's start page: overdue requests, requests nobody has triaged yet, and, while it lasts, the alarm
	 * that many wrong receipt codes came in within the hour.
	 */
	@Bean
	Attention intakeAttention(Intake intake, PublicRouteGuard guard) {
		return who -> {
			if (!(who.getPrincipal() instanceof AccountPrincipal me) || !me.hasRole(Role.COORDINATOR)) {
				return List.of();
			}
			Queue.Counts counts = intake.counts(new Queue.Filter(null, null, null, null, false));
			return List.of(new Attention.Item("attention.overdue", counts.overdue(), "/requests?overdue=true", true),
					new Attention.Item("attention.untriaged", counts.untriaged(), "/requests?status=NEW", false),
					new Attention.Item("attention.receiptCodeGuessing", guard.guessingAlarm() ? 1 : 0, "/requests", true));
		};
	}

	@Bean
	NavigationItem requestsNavigation() {
		return new NavigationItem("/requests", "nav.requests", "nav.requests.description", 10, Set.of(Role.COORDINATOR.name()));
	}

	@Bean
	NavigationItem myRequestsNavigation() {
		return new NavigationItem("/my/requests", "nav.myRequests", "nav.myRequests.description", 10, Set.of(Role.CLIENT.name()));
	}
}
