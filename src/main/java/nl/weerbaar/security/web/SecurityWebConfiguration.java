package nl.weerbaar.security.web;

import java.util.Set;

import nl.weerbaar.security.PathAuthorizations;
import nl.weerbaar.security.Role;
import java.util.List;

import nl.weerbaar.security.AccountManagement;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.StepUpPaths;
import nl.weerbaar.security.internal.Accounts;
import nl.weerbaar.security.internal.SecondFactors;
import nl.weerbaar.web.Attention;
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
		return paths -> paths.requestMatchers("/admin/accounts", "/admin/accounts/**", "/admin/approvals",
				"/admin/approvals/**", "/admin/sessions/**").hasRole(Role.ADMIN.name());
	}

	/**
	 * Administrators' changes, factor changes, new tokens and ending sessions ask for a factor shown in the last ten
	 * minutes.
	 */
	@Bean
	StepUpPaths accountStepUp() {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher enrolment = paths.matcher("/account/factors/setup/**");
		RequestMatcher changes = new OrRequestMatcher(paths.matcher(HttpMethod.POST, "/admin/**"),
				paths.matcher(HttpMethod.POST, "/account/factors/**"), paths.matcher("/account/tokens/new"),
				paths.matcher(HttpMethod.POST, "/account/tokens"),
				// where notices of the account's security go is itself a security setting
				paths.matcher(HttpMethod.POST, "/account/notification-email"),
				// ending a session (another browser's, or all others) asks for a factor again (ASVS 5.0 V7.5.2)
				paths.matcher(HttpMethod.POST, "/account/sessions/**"));
		return () -> request -> changes.matches(request) && !enrolment.matches(request);
	}

	/**
	 * On the start page: running out of recovery codes (three or fewer left), and for someone without a second
	 * factor (a client) the advice to set one up.
	 */
	@Bean
	Attention factorsAttention(SecondFactors factors, Accounts accounts) {
		return who -> {
			if (!(who.getPrincipal() instanceof AccountPrincipal me)) {
				return List.of();
			}
			var account = accounts.findById(me.id().value());
			if (account.isEmpty()) {
				return List.of();
			}
			var overview = factors.overview(account.get());
			if (!overview.any()) {
				return List.of(new Attention.Item("attention.factors.none", 1, "/account/factors", false));
			}
			int left = overview.recoveryCodesLeft();
			return left > 3 ? List.of()
					: List.of(new Attention.Item(left == 0 ? "attention.factors.noCodes" : "attention.factors.fewCodes",
							left == 0 ? 1 : left, "/account/factors", left == 0));
		};
	}

	/** For an administrator: requests of another administrator that wait for their decision. */
	@Bean
	Attention approvalsAttention(AccountManagement management) {
		return who -> {
			if (!(who.getPrincipal() instanceof AccountPrincipal me) || !me.roles().contains(Role.ADMIN)) {
				return List.of();
			}
			long waiting = management.approvalsWaitingFor(me.id());
			return waiting == 0 ? List.of()
					: List.of(new Attention.Item("attention.approvals", waiting, "/admin/approvals", true));
		};
	}

	@Bean
	NavigationItem approvalsNavigation() {
		return new NavigationItem("/admin/approvals", "nav.approvals", "nav.approvals.description", 91,
				Set.of(Role.ADMIN.name()));
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
	NavigationItem accountNavigation() {
		return new NavigationItem("/account", "nav.account", "nav.account.description", 99, Set.of());
	}

	@Bean
	NavigationItem passwordNavigation() {
		return new NavigationItem("/account/password", "nav.password", "nav.password.description", 100, Set.of());
	}
}
