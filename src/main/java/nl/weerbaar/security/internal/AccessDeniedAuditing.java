package nl.weerbaar.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.aopalliance.intercept.MethodInvocation;
import nl.weerbaar.security.AccountEvents.AccessDenied;
import nl.weerbaar.security.AccountPrincipal;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;

/**
 * Turns Spring Security's refusals of a signed-in person (a page, an API path, a method) into {@link AccessDenied}
 * events for the audit trail. Refusals of anonymous requests only ask for a sign-in and are not recorded.
 */
@Configuration(proxyBeanMethods = false)
class AccessDeniedAuditing {

	@Bean
	AuthorizationEventPublisher authorizationEventPublisher(ApplicationContext context) {
		return new SpringAuthorizationEventPublisher(context);
	}

	@Bean
	Listener accessDeniedListener(ApplicationEventPublisher events) {
		return new Listener(events);
	}

	static final class Listener {

		private final ApplicationEventPublisher events;

		Listener(ApplicationEventPublisher events) {
			this.events = events;
		}

		@EventListener
		void on(AuthorizationDeniedEvent<?> denied) {
			Authentication authentication = denied.getAuthentication().get();
			if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
				Object object = denied.getObject();
				String resource = object instanceof HttpServletRequest request ? request.getRequestURI()
						: object instanceof MethodInvocation method
								? method.getMethod().getDeclaringClass().getSimpleName() + "." + method.getMethod().getName()
								: object.getClass().getSimpleName();
				events.publishEvent(new AccessDenied(principal.id(), principal.roles(), resource));
			}
		}
	}
}
