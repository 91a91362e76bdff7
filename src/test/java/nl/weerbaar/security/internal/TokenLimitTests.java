package nl.weerbaar.security.internal;

import java.util.Map;
import java.util.Set;

import nl.weerbaar.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How long a token may live: per role, set by {@code weerbaar.security.tokens.max-days.*}, the shortest counting. */
class TokenLimitTests {

	@Test
	void coordinatorsGetThirtyDaysByDefaultAndATokenGetsTheShortestOfItsRoles() {
		SecurityProperties properties = bind(Map.of());
		assertThat(properties.tokens().maxDaysFor(Set.of(Role.COORDINATOR))).isEqualTo(30);
		assertThat(properties.tokens().maxDaysFor(Set.of(Role.PARTNER))).isEqualTo(180);
		assertThat(properties.tokens().maxDaysFor(Set.of(Role.PARTNER, Role.ADMIN))).isEqualTo(7);
	}

	@Test
	void anOperatorSetsOneRoleAndTheOthersKeepTheirDefaults() {
		SecurityProperties properties = bind(Map.of("weerbaar.security.tokens.max-days.coordinator", "14"));
		assertThat(properties.tokens().maxDaysFor(Set.of(Role.COORDINATOR, Role.ANALYST))).isEqualTo(14);
		assertThat(properties.tokens().maxDaysFor(Set.of(Role.ANALYST))).isEqualTo(90);
	}

	@Test
	void aLimitBelowOneDayIsRefusedAtStartUp() {
		assertThatThrownBy(() -> bind(Map.of("weerbaar.security.tokens.max-days.ADMIN", "0")))
			.hasStackTraceContaining("must be at least 1");
	}

	private static SecurityProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("weerbaar.security",
				SecurityProperties.class);
	}
}
