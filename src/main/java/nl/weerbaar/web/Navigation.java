package nl.weerbaar.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** The navigation a person sees: the items of all modules that their roles open. */
@Component
class Navigation {

	/** An item as shown: {@code current} when the page shown is the item's or lies below it. */
	record Entry(String path, String labelKey, String descriptionKey, boolean current) {
	}

	private final List<NavigationItem> items;

	Navigation(List<NavigationItem> items) {
		this.items = items.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
	}

	List<Entry> visibleTo(Authentication authentication, String currentPath) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return List.of();
		}
		List<String> held = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		if (held.stream().noneMatch(authority -> authority.startsWith("ROLE_"))) {
			return List.of();
		}
		return items.stream()
			.filter(item -> item.roles().isEmpty() || item.roles().stream().anyMatch(role -> held.contains("ROLE_" + role)))
			.map(item -> new Entry(item.path(), item.labelKey(), item.descriptionKey(), isCurrent(item.path(), currentPath)))
			.toList();
	}

	private static boolean isCurrent(String itemPath, String path) {
		if (path == null) {
			return false;
		}
		return itemPath.equals("/") ? path.equals("/") : path.equals(itemPath) || path.startsWith(itemPath + "/");
	}
}
