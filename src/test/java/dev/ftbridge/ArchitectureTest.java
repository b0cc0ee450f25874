package dev.ftbridge;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the module graph one-way: {@code command → fivetran, events, operations};
 * {@code webhook → events, operations}; {@code operations → fivetran, events};
 * {@code fivetran} and {@code events} depend on no other module; {@code cli} (the
 * command-line publisher) uses only the command validation and the event envelope, starts
 * no Spring, and nothing in the bridge depends on it.
 */
class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.ftbridge");

	@Test
	void modulesHaveNoCycles() {
		slices().matching("dev.ftbridge.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void fivetranClientDependsOnNoOtherModule() {
		noClasses().that()
			.resideInAPackage("dev.ftbridge.fivetran..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.ftbridge.command..", "dev.ftbridge.events..", "dev.ftbridge.webhook..",
					"dev.ftbridge.operations..")
			.check(CLASSES);
	}

	@Test
	void operationsDependOnlyOnFivetranAndEvents() {
		noClasses().that()
			.resideInAPackage("dev.ftbridge.operations..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.ftbridge.command..", "dev.ftbridge.webhook..")
			.check(CLASSES);
	}

	@Test
	void webhooksDependOnlyOnEventsAndOperations() {
		noClasses().that()
			.resideInAPackage("dev.ftbridge.webhook..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.ftbridge.command..", "dev.ftbridge.fivetran..")
			.check(CLASSES);
	}

	@Test
	void commandsDoNotDependOnWebhooks() {
		noClasses().that()
			.resideInAPackage("dev.ftbridge.command..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.ftbridge.webhook..")
			.check(CLASSES);
	}

	@Test
	void theBridgeDoesNotDependOnTheSandbox() {
		noClasses().that()
			.resideOutsideOfPackage("dev.ftbridge.sandbox..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.ftbridge.sandbox..")
			.check(CLASSES);
	}

	@Test
	void eventsDependOnNoOtherModule() {
		noClasses().that()
			.resideInAPackage("dev.ftbridge.events..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.ftbridge.command..", "dev.ftbridge.fivetran..", "dev.ftbridge.webhook..",
					"dev.ftbridge.operations..")
			.check(CLASSES);
	}

	@Test
	void theCliUsesOnlyCommandValidationAndEvents() {
		noClasses().that()
			.resideInAPackage("dev.ftbridge.cli..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.ftbridge.fivetran..", "dev.ftbridge.webhook..", "dev.ftbridge.operations..",
					"dev.ftbridge.sandbox..", "org.springframework..")
			.check(CLASSES);
	}

	@Test
	void nothingInTheBridgeDependsOnTheCli() {
		noClasses().that()
			.resideOutsideOfPackage("dev.ftbridge.cli..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.ftbridge.cli..")
			.check(CLASSES);
	}

	@Test
	void onlyTheFivetranModuleSpeaksHttpToFivetran() {
		// The sandbox plays Fivetran: its webhook deliveries are HTTP calls to the
		// bridge.
		noClasses().that()
			.resideOutsideOfPackages("dev.ftbridge.fivetran..", "dev.ftbridge.sandbox..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web.client..", "java.net.http..")
			.check(CLASSES);
	}

	@Test
	void theCommandUseCaseHasNoKafkaTypes() {
		noClasses().that()
			.resideInAPackage("dev.ftbridge.command.handlers..")
			.or()
			.haveSimpleNameStartingWith("CommandReader")
			.or()
			.haveSimpleNameStartingWith("CommandProcessor")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
			.check(CLASSES);
	}

	@Test
	void theOperationsAndWebhookUseCasesHaveNoKafkaTypes() {
		// Only adapters touch Kafka: topic writer, result reader, wiring, listener,
		// loader.
		noClasses().that()
			.resideInAPackage("dev.ftbridge.operations..")
			.and()
			.doNotHaveSimpleName("OperationLog")
			.and()
			.doNotHaveSimpleName("ResultHistory")
			.and()
			.doNotHaveSimpleName("OperationsConfiguration")
			.or()
			.haveSimpleNameStartingWith("WebhookProcessor")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
			.check(CLASSES);
	}

}
