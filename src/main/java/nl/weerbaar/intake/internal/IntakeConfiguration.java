package nl.weerbaar.intake.internal;

import nl.weerbaar.intake.FirstContactDeadlines;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeProperties.class)
class IntakeConfiguration {

	@Bean
	FirstContactDeadlines firstContactDeadlines(IntakeProperties properties) {
		return properties.firstContact().deadlines();
	}
}
