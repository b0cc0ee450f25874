package dev.ftbridge.command.handlers;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;

/**
 * The one place command types meet their handlers. Refuses to be built unless every
 * {@link CommandType} has exactly one handler, so a missing or doubled handler stops the
 * bridge at start-up rather than at the first command of that type.
 */
public class CommandHandlers {

	private final Map<CommandType, CommandHandler> handlers = new EnumMap<>(CommandType.class);

	private final NamedConnections names;

	/**
	 * The registry; a command that names its connection ({@code connection}) has the name
	 * resolved by {@code names} before its handler runs.
	 */
	public CommandHandlers(Collection<? extends CommandHandler> handlers, NamedConnections names) {
		this.names = names;
		register(handlers);
	}

	/** The registry without name resolution: every command must give its ids. */
	public CommandHandlers(Collection<? extends CommandHandler> handlers) {
		this(handlers, null);
	}

	private void register(Collection<? extends CommandHandler> handlers) {
		for (CommandHandler handler : handlers) {
			CommandHandler other = this.handlers.putIfAbsent(handler.type(), handler);
			if (other != null) {
				throw new IllegalStateException(handler.type().type() + " has two handlers: "
						+ other.getClass().getName() + " and " + handler.getClass().getName());
			}
		}
		String missing = Arrays.stream(CommandType.values())
			.filter((type) -> !this.handlers.containsKey(type))
			.map(CommandType::type)
			.collect(Collectors.joining(", "));
		if (!missing.isEmpty()) {
			throw new IllegalStateException("No handler for " + missing);
		}
	}

	/** The handler of a type. */
	public CommandHandler of(CommandType type) {
		return this.handlers.get(type);
	}

	/** Carries out a command with its type's handler. */
	public Execution execute(Command command) {
		if (this.names == null) {
			return of(command.type()).execute(command);
		}
		return this.names.run(command, false, (resolved) -> of(command.type()).execute(resolved));
	}

	/** Reconciles a command started before a crash, with its type's handler. */
	public Execution reconcile(Command command, Instant startedAt) {
		if (this.names == null) {
			return of(command.type()).reconcile(command, startedAt);
		}
		return this.names.run(command, true, (resolved) -> of(command.type()).reconcile(resolved, startedAt));
	}

	/** Whether this command is costly to repeat (its handler decides). */
	public boolean costlyToRepeat(Command command) {
		return of(command.type()).costlyToRepeat(command);
	}

}
