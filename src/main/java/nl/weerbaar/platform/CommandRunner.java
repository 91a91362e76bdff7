package nl.weerbaar.platform;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Runs the command named on the command line before anything else would run, then ends the process. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandRunner implements ApplicationRunner {

	private final List<Command> commands;
	private final ConfigurableApplicationContext context;

	CommandRunner(List<Command> commands, ConfigurableApplicationContext context) {
		this.commands = commands;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		String[] args = arguments.getSourceArgs();
		if (!Command.requested(args)) {
			return;
		}
		int code = commands.stream()
			.filter(command -> command.name().equals(args[0]))
			.findFirst()
			.map(command -> command.run(List.of(args).subList(1, args.length)))
			.orElseGet(() -> {
				System.err.println("Unknown command: " + args[0] + ". Commands:");
				commands.forEach(command -> System.err.printf("  %-16s %s%n", command.name(), command.description()));
				return 2;
			});
		System.exit(SpringApplication.exit(context, () -> code));
	}
}
