package nl.weerbaar.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.StreamReadFeature;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Dutch first, English on request ({@code ?lang=en}, remembered in a cookie). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale DUTCH = Locale.of("nl");
	static final Set<String> LANGUAGES = Set.of("nl", "en");

	/**
	 * The language choice lives in a cookie for a year: {@code WEERBAAR_LANG}, and over HTTPS
	 * {@code __Host-WEERBAAR_LANG} (Secure, Path=/, no Domain, which the prefix makes the browser enforce).
	 */
	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver plain = languageCookie("WEERBAAR_LANG", false);
		CookieLocaleResolver secure = languageCookie("__Host-WEERBAAR_LANG", true);
		return new LocaleResolver() {
			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				return (request.isSecure() ? secure : plain).resolveLocale(request);
			}

			@Override
			public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
				(request.isSecure() ? secure : plain).setLocale(request, response, locale);
			}
		};
	}

	private static CookieLocaleResolver languageCookie(String name, boolean secure) {
		CookieLocaleResolver resolver = new CookieLocaleResolver(name) {
			@Override
			public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
				super.setLocale(request, response, locale != null && LANGUAGES.contains(locale.getLanguage()) ? locale : DUTCH);
			}
		};
		resolver.setDefaultLocale(DUTCH);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSameSite("Lax");
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSecure(secure);
		resolver.setCookiePath("/");
		return resolver;
	}

	/** Before the session and security filters: an oversized body is refused before anything reads it. */
	@Bean
	FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(BodyLimits limits) {
		FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(new BodyLimitFilter(limits));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * A JSON body with a member twice ({@code {"status": "CLOSED", "status": "ACTIVE"}}) is refused as unreadable
	 * (400) rather than read with its last value: one request, one meaning (ASVS 5.0 V15.3.7).
	 */
	@Bean
	JsonMapperBuilderCustomizer oneValuePerMember() {
		return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

	/** Right after the body limit: a polluted form is refused before the session and security filters read it. */
	@Bean
	FilterRegistrationBean<ParameterPollutionFilter> parameterPollutionFilter() {
		FilterRegistrationBean<ParameterPollutionFilter> registration = new FilterRegistrationBean<>(
				new ParameterPollutionFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean
	NavigationItem homeNavigation() {
		return new NavigationItem("/", "nav.home", "nav.home.description", 0, Set.of());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor language = new LocaleChangeInterceptor();
		language.setParamName("lang");
		language.setIgnoreInvalidLocale(true);
		// the error page for a refused body must not parse that body for a parameter
		registry.addInterceptor(language).excludePathPatterns("/error");
	}
}
