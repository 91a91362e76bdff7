package nl.weerbaar.web;

import java.util.Set;

/**
 * One entry of the main navigation, contributed by a module as a bean.
 *
 * @param path where it leads
 * @param labelKey message key of its label
 * @param descriptionKey message key of a one-line explanation, shown on the start page
 * @param order position, low first
 * @param roles role names that see it (e.g. {@code "ADMIN"}); empty means every signed-in person
 */
public record NavigationItem(String path, String labelKey, String descriptionKey, int order, Set<String> roles) {

	public NavigationItem {
		roles = Set.copyOf(roles);
	}
}
