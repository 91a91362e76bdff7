package nl.weerbaar.platform.transport;

import java.util.Locale;

/** Whether a host name is this machine's loopback, by its text alone (no name is looked up). */
final class Loopback {

	private Loopback() {
	}

	static boolean is(String host) {
		String name = host.strip().toLowerCase(Locale.ROOT);
		if (name.startsWith("[") && name.endsWith("]")) {
			name = name.substring(1, name.length() - 1);
		}
		if (name.equals("localhost") || name.endsWith(".localhost") || name.equals("::1") || name.equals("0:0:0:0:0:0:0:1")) {
			return true;
		}
		// 127.0.0.0/8, written as four decimal numbers
		String[] parts = name.split("\\.", -1);
		if (parts.length != 4 || !parts[0].equals("127")) {
			return false;
		}
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit) || Integer.parseInt(part) > 255) {
				return false;
			}
		}
		return true;
	}
}
