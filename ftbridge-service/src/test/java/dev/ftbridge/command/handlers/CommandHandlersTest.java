package dev.ftbridge.command.handlers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.EndpointClass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CommandHandlersTest {

	/** The handler beans, found as the bridge finds them: by scanning this package. */
	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withBean(HandlerContext.class, () -> new HandlerContext(new FakeFivetran(), Clock.systemUTC(), 100))
		.withInitializer((context) -> new ClassPathBeanDefinitionScanner((BeanDefinitionRegistry) context)
			.scan(CommandHandler.class.getPackageName()));

	@Test
	void everyCommandTypeHasExactlyOneHandlerBean() {
		this.runner.run((context) -> {
			Collection<CommandHandler> beans = context.getBeansOfType(CommandHandler.class).values();
			CommandHandlers handlers = new CommandHandlers(beans);
			assertThat(beans).hasSize(CommandType.values().length);
			for (CommandType type : CommandType.values()) {
				assertThat(handlers.of(type).type()).isEqualTo(type);
			}
		});
	}

	@Test
	void everyHandlerDeclaresItsRequests() {
		this.runner.run((context) -> assertThat(context.getBeansOfType(CommandHandler.class).values())
			.allSatisfy((handler) -> assertThat(handler.requests()).as(handler.type().type()).isNotEmpty()));
	}

	@Test
	void aHandlerThatCanBeCostlyToRepeatSaysHowItReconciles() {
		this.runner.run((context) -> {
			for (CommandHandler handler : context.getBeansOfType(CommandHandler.class).values()) {
				Class<?> costly = handler.getClass().getMethod("costlyToRepeat", Command.class).getDeclaringClass();
				Class<?> reconciles = handler.getClass()
					.getMethod("reconcile", Command.class, Instant.class)
					.getDeclaringClass();
				assertThat(reconciles != CommandHandler.class).as(handler.type().type())
					.isEqualTo(costly != CommandHandler.class);
			}
		});
	}

	@Test
	void onlyTheTypesFivetranFinishesLaterAreAsync() {
		this.runner.run((context) -> {
			List<CommandType> async = context.getBeansOfType(CommandHandler.class)
				.values()
				.stream()
				.filter(CommandHandler::async)
				.map(CommandHandler::type)
				.toList();
			// the await sensor starts nothing, but it too ends later, from a sync's end
			assertThat(async).containsExactlyInAnyOrder(CommandType.CONNECTION_SYNC, CommandType.CONNECTION_RESYNC,
					CommandType.CONNECTION_TABLES_RESYNC, CommandType.TRANSFORMATION_RUN, CommandType.CONNECTION_AWAIT);
		});
	}

	@Test
	void theScarceBudgetATypeMayWaitForFollowsItsRequests() {
		this.runner.run((context) -> {
			Map<EndpointClass, List<CommandType>> byBudget = new EnumMap<>(EndpointClass.class);
			for (CommandHandler handler : context.getBeansOfType(CommandHandler.class).values()) {
				handler.scarceBudget()
					.ifPresent(
							(budget) -> byBudget.computeIfAbsent(budget, (b) -> new ArrayList<>()).add(handler.type()));
			}
			assertThat(byBudget).containsOnlyKeys(EndpointClass.SETUP_TEST, EndpointClass.SOURCE_INTERACTION,
					EndpointClass.USER_CREATION);
			assertThat(byBudget.get(EndpointClass.SETUP_TEST)).containsExactlyInAnyOrder(CommandType.CONNECTION_CREATE,
					CommandType.CONNECTION_UPDATE, CommandType.CONNECTION_COPY, CommandType.CONNECTION_TEST,
					CommandType.DESTINATION_CREATE, CommandType.DESTINATION_UPDATE, CommandType.DESTINATION_TEST,
					CommandType.GROUP_HEAL);
			assertThat(byBudget.get(EndpointClass.SOURCE_INTERACTION)).containsExactlyInAnyOrder(
					CommandType.CONNECTION_SCHEMA_RELOAD, CommandType.CONNECTION_SCHEMA_DESCRIBE);
			assertThat(byBudget.get(EndpointClass.USER_CREATION)).containsExactly(CommandType.USER_CREATE);
		});
	}

	@Test
	void aMissingHandlerStopsTheStart() {
		this.runner.run((context) -> {
			List<CommandHandler> handlers = new ArrayList<>(context.getBeansOfType(CommandHandler.class).values());
			handlers.removeIf((handler) -> handler.type() == CommandType.GROUP_HEAL);
			assertThatIllegalStateException().isThrownBy(() -> new CommandHandlers(handlers))
				.withMessage("No handler for fivetran.group.heal");
		});
	}

	@Test
	void twoHandlersForOneTypeStopTheStart() {
		HandlerContext context = new HandlerContext(new FakeFivetran(), Clock.systemUTC(), 100);
		List<CommandHandler> handlers = new ArrayList<>(
				Arrays.asList(new ConnectionPauseHandler(context), new ConnectionPauseHandler(context)));
		assertThatIllegalStateException().isThrownBy(() -> new CommandHandlers(handlers))
			.withMessageContaining("fivetran.connection.pause has two handlers");
	}

}
