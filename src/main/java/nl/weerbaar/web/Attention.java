package nl.weerbaar.web;

import java.util.List;

import org.springframework.security.core.Authentication;

/**
 * What asks for the signed-in person's attention now, shown on the start page: modules contribute beans of this type
 * (overdue requests, proposals to answer). Each item is a count with a message key and where to go.
 */
@FunctionalInterface
public interface Attention {

	List<Item> itemsFor(Authentication who);

	/** {@code messageKey} takes the count as its argument; {@code urgent} items are shown as warnings. */
	record Item(String messageKey, long count, String path, boolean urgent) {
	}
}
