package nl.weerbaar.platform.transport;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Transport security of every connection Weerbaar makes or takes: HTTPS served directly (see {@link TlsEnvironment}),
 * its plain-HTTP port, verified TLS to a remote database ({@link DatabaseTlsCheck}) and to a remote mail server
 * ({@link MailTlsPolicy}). See docs/security/tls.md.
 */
@Configuration(proxyBeanMethods = false)
class TransportConfiguration {

	static final String HTTP_PORT = "weerbaar.tls.http-port";

	@Bean
	static DatabaseTlsCheck databaseTlsCheck(Environment environment) {
		return new DatabaseTlsCheck(environment.getProperty(DatabaseTlsCheck.ALLOW_PROPERTY, Boolean.class, false));
	}

	@Bean
	static MailTlsPolicy mailTlsPolicy(Environment environment) {
		return new MailTlsPolicy(environment.getProperty(MailTlsPolicy.ALLOW_PROPERTY, Boolean.class, false));
	}

	/** When Weerbaar serves HTTPS: the server's order of cipher suites (strongest first) wins over the client's. */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> serverCipherOrder() {
		return factory -> factory.addConnectorCustomizers(connector -> {
			for (SSLHostConfig host : connector.findSslHostConfigs()) {
				host.setHonorCipherOrder(true);
			}
		});
	}

	/**
	 * A plain-HTTP port beside the HTTPS one ({@code weerbaar.tls.http-port}, e.g. 80 or 8080; 0 picks a free one),
	 * only while Weerbaar serves HTTPS itself: it only redirects people to HTTPS (see {@link PlainHttpFilter}).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(HTTP_PORT)
	static class PlainHttpPort {

		private final AtomicInteger httpsPort = new AtomicInteger(443);

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> plainHttpConnector(Environment environment) {
			return factory -> {
				if (!Ssl.isEnabled(factory.getSsl())) {
					throw new IllegalStateException(HTTP_PORT + " is for a redirect to HTTPS, but Weerbaar serves no HTTPS: "
							+ "set WEERBAAR_TLS_CERT and WEERBAAR_TLS_KEY, or leave " + HTTP_PORT + " unset");
				}
				Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
				connector.setPort(environment.getRequiredProperty(HTTP_PORT, Integer.class));
				connector.setProperty("maxPostSize", "0");
				factory.addAdditionalConnectors(connector);
			};
		}

		@Bean
		ApplicationListener<ServletWebServerInitializedEvent> httpsPortListener() {
			return event -> httpsPort.set(event.getWebServer().getPort());
		}

		@Bean
		FilterRegistrationBean<PlainHttpFilter> plainHttpFilter() {
			FilterRegistrationBean<PlainHttpFilter> registration = new FilterRegistrationBean<>(
					new PlainHttpFilter(httpsPort::get));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
			return registration;
		}
	}
}
