package nl.weerbaar.web;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import nl.weerbaar.shared.Refused;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for every error of the API, with a detail a caller can act on (which parameter, which
 * values it takes). Pages keep their HTML error pages; this advice only covers REST controllers.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Refused input: 400 when invalid, 409 when it clashes with the current state; {@code errors} names each field (as
	 * a path) with a code and a message in the caller's language.
	 */
	@ExceptionHandler(Refused.class)
	ProblemDetail refused(Refused refused) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(refused.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
				refused.conflict() ? "The request clashes with the current state." : "The data is not valid.");
		problem.setProperty("errors", refused.violations()
			.stream()
			.map(v -> Map.of("field", v.field(), "code", v.code(),
					"message", messages.getMessage(v.code(), null, v.code(), LocaleContextHolder.getLocale())))
			.toList());
		return problem;
	}

	/** A body cut off at its limit while it was read is too large (413), not malformed. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyLimitFilter.TooLarge tooLarge) {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
						"The body is larger than " + tooLarge.limit + " bytes.");
				problem.setProperty("maxBytes", tooLarge.limit);
				return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
			}
		}
		return super.handleHttpMessageNotReadable(ex, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
		Class<?> type = ex.getRequiredType();
		String detail = type != null && type.isEnum()
				? "'" + name + "' must be one of " + Arrays.stream(type.getEnumConstants())
					.map(String::valueOf)
					.collect(Collectors.joining(", ")) + "."
				: "'" + name + "' is not a valid " + (type == null ? "value" : type.getSimpleName()) + ".";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid parameter");
		problem.setProperty("parameter", name);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}
}
