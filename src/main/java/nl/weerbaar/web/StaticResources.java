package nl.weerbaar.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * The only static files served: {@code /assets/**} from {@code classpath:/static/assets/}, and of those only the kinds
 * a page loads (style sheets, scripts, images, fonts). A source map, a backup ({@code .bak}, {@code ~}), an editor's
 * swap file, an archive, a text or configuration file or a hidden file that ended up there by mistake is not found
 * (404). Spring Boot's own static mappings ({@code /**} over four class-path folders) are off
 * ({@code spring.web.resources.add-mappings: false}).
 */
@Configuration(proxyBeanMethods = false)
// not when a command runs without the web server (WebProperties exists only with it)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class StaticResources implements WebMvcConfigurer {

	static final Set<String> EXTENSIONS = Set.of("css", "js", "svg", "png", "ico", "webp", "woff2");

	private final WebProperties web;

	StaticResources(WebProperties web) {
		this.web = web;
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations("classpath:/static/assets/")
			.setCacheControl(web.getResources().getCache().getCachecontrol().toHttpCacheControl())
			.resourceChain(true)
			.addResolver(new AllowlistedExtensions())
			.addResolver(new PathResourceResolver());
	}

	static boolean allowed(String path) {
		for (String segment : path.split("/")) {
			if (segment.startsWith(".")) {
				return false;
			}
		}
		String extension = StringUtils.getFilenameExtension(path);
		return extension != null && EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT));
	}

	private static final class AllowlistedExtensions extends AbstractResourceResolver {

		@Override
		protected Resource resolveResourceInternal(HttpServletRequest request, String requestPath,
				List<? extends Resource> locations, ResourceResolverChain chain) {
			return allowed(requestPath) ? chain.resolveResource(request, requestPath, locations) : null;
		}

		@Override
		protected String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
				ResourceResolverChain chain) {
			return allowed(resourceUrlPath) ? chain.resolveUrlPath(resourceUrlPath, locations) : null;
		}
	}
}
