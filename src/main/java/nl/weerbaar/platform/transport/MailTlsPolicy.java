package nl.weerbaar.platform.transport;

import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Mail to a server on another machine goes over TLS with the server's certificate and name checked: STARTTLS is
 * required (JavaMail then refuses to send when the server does not offer it), or the connection is TLS from the start
 * ({@code spring.mail.protocol=smtps} or {@code spring.mail.ssl.enabled=true}). A server on loopback is exempt (a
 * local relay, or the test's GreenMail); {@code weerbaar.mail.allow-plaintext=true} exempts any server, with a warning.
 */
final class MailTlsPolicy implements BeanPostProcessor {

	static final String ALLOW_PROPERTY = "weerbaar.mail.allow-plaintext";

	private static final Logger log = LoggerFactory.getLogger(MailTlsPolicy.class);

	private final boolean allowPlaintext;

	MailTlsPolicy(boolean allowPlaintext) {
		this.allowPlaintext = allowPlaintext;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof JavaMailSenderImpl sender) {
			apply(sender);
		}
		return bean;
	}

	void apply(JavaMailSenderImpl sender) {
		String host = sender.getHost();
		if (host == null || host.isBlank() || Loopback.is(host)) {
			return;
		}
		if (allowPlaintext) {
			log.warn("Mail to {} may go without TLS, because {}=true: anyone on the network path can read it", host,
					ALLOW_PROPERTY);
			return;
		}
		String protocol = sender.getProtocol() == null ? "smtp" : sender.getProtocol();
		String prefix = "mail." + protocol + ".";
		Properties properties = sender.getJavaMailProperties();
		if ("*".equals(properties.getProperty(prefix + "ssl.trust", "").strip())) {
			throw new IllegalStateException(prefix + "ssl.trust=* would accept any certificate from the mail server " + host
					+ ": name the server's certificate authority in a trust store instead, or set " + ALLOW_PROPERTY
					+ "=true");
		}
		boolean tlsFromTheStart = "smtps".equals(protocol) || Boolean.parseBoolean(properties.getProperty(prefix + "ssl.enable"));
		if (!tlsFromTheStart) {
			properties.setProperty(prefix + "starttls.enable", "true");
			properties.setProperty(prefix + "starttls.required", "true");
		}
		properties.setProperty(prefix + "ssl.checkserveridentity", "true");
		properties.setProperty(prefix + "ssl.protocols", "TLSv1.3 TLSv1.2");
	}
}
