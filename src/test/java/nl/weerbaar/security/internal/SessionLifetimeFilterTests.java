package nl.weerbaar.security.internal;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;

class SessionLifetimeFilterTests {

	@Test
	void endsASessionTwelveHoursAfterItBeganHoweverActive() throws Exception {
		MockHttpSession session = new MockHttpSession();
		Clock thirteenHoursLater = Clock.offset(Clock.systemUTC(), Duration.ofHours(13));
		run(new SessionLifetimeFilter(Duration.ofHours(12), thirteenHoursLater), session);
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void keepsAYoungerSession() throws Exception {
		MockHttpSession session = new MockHttpSession();
		Clock elevenHoursLater = Clock.offset(Clock.systemUTC(), Duration.ofHours(11));
		run(new SessionLifetimeFilter(Duration.ofHours(12), elevenHoursLater), session);
		assertThat(session.isInvalid()).isFalse();
	}

	private static void run(SessionLifetimeFilter filter, MockHttpSession session) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setSession(session);
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).as("the request goes on").isNotNull();
	}
}
