package nl.weerbaar;

import java.time.Clock;

import nl.weerbaar.platform.Command;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WeerbaarApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(WeerbaarApplication.class);
		if (Command.requested(args)) {
			// a command (e.g. audit-verify) runs without the web server and exits
			application.setWebApplicationType(WebApplicationType.NONE);
		}
		application.run(args);
	}

	/** The one source of "now", so that tests can move time. */
	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}
}
