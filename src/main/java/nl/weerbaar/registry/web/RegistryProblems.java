package nl.weerbaar.registry.web;

import java.util.Map;

import nl.weerbaar.registry.OfficeHolderImport;
import nl.weerbaar.registry.RegistryRefused;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refused registry and team data as a problem detail: 400 for invalid data, 409 for a clash with what is registered,
 * with an {@code errors} list naming each field (as a path) with a code and a message.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistryProblems {

	private final MessageSource messages;

	RegistryProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(OfficeHolderImport.Refused.class)
	ProblemDetail importRefused(OfficeHolderImport.Refused refused) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Nothing was imported: " + refused.errors().size() + " line(s) in error.");
		problem.setProperty("errors", refused.errors()
			.stream()
			.map(e -> Map.of("line", e.line(), "field", e.field(), "code", e.code(),
					"message", messages.getMessage(e.code(), null, e.code(), LocaleContextHolder.getLocale())))
			.toList());
		return problem;
	}

	@ExceptionHandler(RegistryRefused.class)
	ProblemDetail refused(RegistryRefused refused) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(refused.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
				refused.conflict() ? "The data clashes with what is already registered." : "The data is not valid.");
		problem.setProperty("errors", refused.violations()
			.stream()
			.map(v -> Map.of("field", v.field(), "code", v.code(),
					"message", messages.getMessage(v.code(), null, v.code(), LocaleContextHolder.getLocale())))
			.toList());
		return problem;
	}
}
