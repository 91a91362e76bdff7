package nl.weerbaar.platform;

import java.util.List;

/**
 * A task run from the command line instead of the web application: {@code java -jar weerbaar.jar NAME [ARGS]}.
 * Modules contribute commands as beans; the application then starts without its web server, runs the command and
 * exits with its code.
 */
public interface Command {

	String name();

	String description();

	/** @return the process exit code: 0 for success */
	int run(List<String> args);

	/** True when the program arguments ask for a command rather than the web application. */
	static boolean requested(String... args) {
		return args.length > 0 && !args[0].startsWith("-");
	}
}
