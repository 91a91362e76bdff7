package nl.weerbaar.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's URL access rules. Each module that serves pages or API declares its own paths in a bean of this type;
 * every path no module declares is refused (deny by default). Method security on the facades stays the second line.
 */
@FunctionalInterface
public interface PathAuthorizations {

	void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry paths);
}
