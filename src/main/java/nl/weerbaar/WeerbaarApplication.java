package nl.weerbaar;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WeerbaarApplication {

	public static void main(String[] args) {
		SpringApplication.run(WeerbaarApplication.class, args);
	}

	/** The one source of "now", so that tests can move time. */
	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}
}
