package nl.weerbaar.security.internal;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.DispatcherType;
import nl.weerbaar.platform.ClientAddress;
import nl.weerbaar.platform.SlowHashes;
import nl.weerbaar.security.AccountEvents.SignInFailed;
import nl.weerbaar.security.AccountEvents.SignedIn;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.PathAuthorizations;
import nl.weerbaar.security.Role;
import nl.weerbaar.security.StepUpPaths;
import nl.weerbaar.security.internal.ThrottledAuthenticationProvider.LoginThrottledException;
import nl.weerbaar.security.internal.ThrottledAuthenticationProvider.SignInBusyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.http.HttpMethod;

/**
 * Two filter chains: the API (401/403 as problem JSON, never a login page) and the pages (form sign-in). Both deny
 * every path that no module declared in its {@link PathAuthorizations}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

	private AccountRateLimitFilter accountRate;

	@Bean
	PasswordEncoder passwordEncoder(SlowHashes slowHashes) {
		return new BoundedPasswordEncoder(slowHashes);
	}

	@Bean
	AuthenticationManager authenticationManager(UserDetailsService accountDetails, PasswordEncoder passwordEncoder,
			LoginThrottle throttle, Accounts accounts, SecondFactors factors, InitialPasswords initialPasswords,
			Clock clock) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accountDetails);
		passwords.setPasswordEncoder(passwordEncoder);
		// account status is checked only after the password, so a disabled account answers like a wrong password,
		// in the same time
		passwords.setPreAuthenticationChecks(user -> {
		});
		passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle, accounts, factors,
				initialPasswords, clock));
	}

	@Bean
	ContentSecurityPolicyFilter contentSecurityPolicyFilter() {
		return new ContentSecurityPolicyFilter();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, List<PathAuthorizations> modules, SecurityProperties properties,
			BrowserProperties browser, Clock clock, AccessTokens tokens, TokenAudit tokenAudit, List<StepUpPaths> stepUp,
			SignIns signIns)
			throws Exception {
		http.securityMatcher("/api/**", "/v3/api-docs*", "/v3/api-docs/**", "/actuator", "/actuator/**")
			.authorizeHttpRequests(paths -> {
				paths.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
				paths.requestMatchers("/actuator", "/actuator/**").hasRole("ADMIN");
				// the map of every endpoint is for the team's own staff; clients and partner organisations get no
				// reconnaissance of what they may not call (a partner's integrator is given its referral calls apart)
				paths.requestMatchers("/v3/api-docs*", "/v3/api-docs/**")
					.hasAnyRole(Role.COORDINATOR.name(), Role.SUPPORTER.name(), Role.ANALYST.name(), Role.ADMIN.name());
				modules.forEach(module -> module.configure(paths));
				paths.anyRequest().denyAll();
			})
			.exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemResponses.unauthorized())
				.accessDeniedHandler(ProblemResponses.forbidden()))
			.addFilterBefore(new BearerTokenFilter(tokens, tokenAudit), AnonymousAuthenticationFilter.class)
			// a request with a token carries no cookie the browser would add by itself: nothing to forge
			.csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::hasBearer))
			.requestCache(cache -> cache.disable());
		return common(http, properties, browser, clock, stepUp, signIns).build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, List<PathAuthorizations> modules, SecurityProperties properties,
			BrowserProperties browser, Clock clock, AuthenticationManager authenticationManager,
			ApplicationEventPublisher events, List<StepUpPaths> stepUp, SignIns signIns, KnownBrowsers browsers)
			throws Exception {
		http.authorizeHttpRequests(paths -> {
			paths.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
			paths.requestMatchers("/login", "/account/setup", "/assets/**", "/favicon.ico", "/robots.txt").permitAll();
			// browsers post Content-Security-Policy reports there by themselves, signed in or not
			paths.requestMatchers(HttpMethod.POST, CspReports.PATH).permitAll();
			// a password-only sign-in is authenticated too: SignInStageFilter keeps it on these two
			paths.requestMatchers("/", "/account/**", "/login/factor", "/login/factor/**").authenticated();
			modules.forEach(module -> module.configure(paths));
			paths.anyRequest().denyAll();
		})
			.authenticationManager(authenticationManager)
			.formLogin(form -> form.loginPage("/login")
				.successHandler(signedIn(events, browsers))
				.failureHandler(signInFailed(events)))
			// a browser sends a report without a CSRF token; the endpoint changes nothing
			.csrf(csrf -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults()
				.matcher(HttpMethod.POST, CspReports.PATH)))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout")
				.addLogoutHandler(clearSiteData(browser.clearCookiesAtSignOut()))
				.deleteCookies(SessionIdentifiers.NAME, SessionIdentifiers.SECURE_NAME));
		return common(http, properties, browser, clock, stepUp, signIns).build();
	}

	/** One per application, shared by both chains: an account's pages and API calls count together. */
	private synchronized AccountRateLimitFilter accountRate(SecurityProperties properties) {
		if (accountRate == null) {
			accountRate = new AccountRateLimitFilter(properties.accountRate());
		}
		return accountRate;
	}

	/**
	 * At sign-out the browser drops what it kept of the signed-in pages: its cache and the site's storage (htmx keeps
	 * no history snapshots, see the layout's htmx-config, but whatever a page put there goes too). Spring Security's
	 * own writer sends the header over HTTPS only; browsers honour it on localhost too, so it is always sent.
	 */
	private static LogoutHandler clearSiteData(boolean cookiesToo) {
		String value = cookiesToo ? "\"cache\", \"cookies\", \"storage\"" : "\"cache\", \"storage\"";
		return (request, response, authentication) -> response.setHeader("Clear-Site-Data", value);
	}

	private HttpSecurity common(HttpSecurity http, SecurityProperties properties, BrowserProperties browser,
			Clock clock, List<StepUpPaths> stepUp, SignIns signIns) throws Exception {
		return http
			.addFilterBefore(new ResourceIsolationFilter(CspReports.PATH), SecurityContextHolderFilter.class)
			.addFilterBefore(new SessionLifetimeFilter(properties.sessionAbsoluteTimeout(), clock),
					SecurityContextHolderFilter.class)
			.addFilterBefore(new SignInStageFilter(properties.stepUpWindow(), clock), AuthorizationFilter.class)
			.addFilterBefore(accountRate(properties), AuthorizationFilter.class)
			.addFilterAfter(new StepUpFilter(stepUp, signIns), AuthorizationFilter.class)
			.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers.frameOptions(frame -> frame.deny())
				// on HTTPS responses only (Spring Security's default matcher): a year at least, every subdomain
				.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(browser.hstsMaxAge().toSeconds())
					.includeSubDomains(true)
					.preload(browser.hstsPreload()))
				.crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
				.crossOriginResourcePolicy(corp -> corp.policy(CrossOriginResourcePolicy.SAME_ORIGIN))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
						"camera=(), microphone=(), geolocation=(), payment=(), usb=()")));
	}

	private static AuthenticationSuccessHandler signedIn(ApplicationEventPublisher events, KnownBrowsers browsers) {
		SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();
		return (request, response, authentication) -> {
			String agent = request.getHeader("User-Agent");
			request.getSession().setAttribute(SignIns.CLIENT_ATTRIBUTE, new SessionControl.Client(
					agent == null ? "" : agent.substring(0, Math.min(300, agent.length())), ClientAddress.of(request)));
			if (authentication.getPrincipal() instanceof PendingSignIn) {
				// the page first asked for stays saved until the second factor is shown
				response.sendRedirect(request.getContextPath() + SignInStageFilter.FACTOR_PATH);
				return;
			}
			if (authentication.getPrincipal() instanceof AccountPrincipal principal) {
				events.publishEvent(new SignedIn(principal.id(), principal.roles(), ClientAddress.of(request)));
				browsers.signedIn(principal.id(), request, response);
			}
			redirect.onAuthenticationSuccess(request, response, authentication);
		};
	}

	private static AuthenticationFailureHandler signInFailed(ApplicationEventPublisher events) {
		return (request, response, exception) -> {
			if (exception instanceof SignInBusyException busy) {
				// the password was not checked: too many at once; the error page says to try again shortly
				response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(busy.retryAfterSeconds()));
				response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
				return;
			}
			boolean throttled = exception instanceof LoginThrottledException;
			events.publishEvent(new SignInFailed(ClientAddress.of(request), throttled));
			response.sendRedirect(request.getContextPath() + (throttled ? "/login?throttled" : "/login?error"));
		};
	}
}
