package dev.ftbridge;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the module graph one-way: {@code command → fivetran, events};
 * {@code webhook → events}; {@code fivetran} and {@code events} depend on no other
 * module.
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
			.resideInAnyPackage("dev.ftbridge.command..", "dev.ftbridge.events..", "dev.ftbridge.webhook..")
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
			.resideInAnyPackage("dev.ftbridge.command..", "dev.ftbridge.fivetran..", "dev.ftbridge.webhook..")
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
			.haveSimpleNameStartingWith("CommandExecutor")
			.or()
			.haveSimpleNameStartingWith("CommandReader")
			.or()
			.haveSimpleNameStartingWith("CommandProcessor")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
			.check(CLASSES);
	}

}
