package nl.weerbaar.web;

import java.util.function.UnaryOperator;

import nl.weerbaar.shared.Refused;
import org.springframework.validation.BindingResult;

/** Puts what a module refused next to the form's fields; what names no field of the form goes to the form as a whole. */
public final class FormErrors {

	private FormErrors() {
	}

	/** {@code toFormField} maps a violation's field path (e.g. {@code terms[0].start}) to the form's field name. */
	public static void reject(BindingResult errors, Refused refused, UnaryOperator<String> toFormField) {
		refused.violations().forEach(violation -> {
			String field = toFormField.apply(violation.field());
			if (field != null && errors.getFieldType(field) != null) {
				errors.rejectValue(field, violation.code());
			}
			else {
				errors.reject(violation.code());
			}
		});
	}
}
