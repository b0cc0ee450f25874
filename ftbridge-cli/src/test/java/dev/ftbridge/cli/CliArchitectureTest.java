package dev.ftbridge.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The command line uses only the contract (command types, validation, the event envelope)
 * and a Kafka client: no class of the service, no Spring. Its tests put the service on
 * the class path to run a real bridge, which is what lets this rule see a slip.
 */
class CliArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.ftbridge.cli");

	@Test
	void theCliUsesOnlyTheContract() {
		noClasses().that()
			.resideInAPackage("dev.ftbridge.cli..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.ftbridge.command..", "dev.ftbridge.events..", "dev.ftbridge.fivetran..",
					"dev.ftbridge.webhook..", "dev.ftbridge.completion..", "dev.ftbridge.kafka..",
					"dev.ftbridge.sandbox..", "org.springframework..")
			.check(CLASSES);
	}

}
