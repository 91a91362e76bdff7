package nl.weerbaar.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpHeaders;
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

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("WEERBAAR_LANG") {
			@Override
			public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
				// like the session cookie, the language cookie is Secure whenever the site is served over HTTPS
				HttpServletResponse target = !request.isSecure() ? response : new HttpServletResponseWrapper(response) {
					@Override
					public void addHeader(String name, String value) {
						super.addHeader(name, HttpHeaders.SET_COOKIE.equalsIgnoreCase(name) && !value.contains("; Secure")
								? value + "; Secure" : value);
					}
				};
				super.setLocale(request, target, locale != null && LANGUAGES.contains(locale.getLanguage()) ? locale : DUTCH);
			}
		};
		resolver.setDefaultLocale(DUTCH);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSameSite("Lax");
		resolver.setCookieHttpOnly(true);
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
