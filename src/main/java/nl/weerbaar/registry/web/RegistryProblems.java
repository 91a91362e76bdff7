package nl.weerbaar.registry.web;

import java.util.Map;

import nl.weerbaar.registry.OfficeHolderImport;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused import as a problem detail whose {@code errors} name each line and field with a code and a message. */
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
}
