package dev.ftbridge;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import dev.ftbridge.fivetran.FivetranTime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the package graph of the service one-way: {@code command → fivetran, events,
 * completion}; {@code webhook → events, completion} (and Fivetran's timestamp parser);
 * {@code completion → fivetran, events}; all of them may use {@code kafka}, the shared
 * Kafka plumbing; {@code fivetran} and {@code kafka} depend on no other package,
 * {@code events} on {@code kafka} only; everything may use {@code contract} (the
 * ftbridge-contract module), which depends on nothing of the service and on neither
 * Spring nor Kafka. The Maven modules keep the rest: the command line (ftbridge-cli) is
 * not on the service's class path at all, and the sandbox (fivetran-sandbox) only in test
 * scope ({@code ServiceJarIT} checks the built jar).
 */
class ArchitectureTest {

	/**
	 * The code as written: without the classes Spring AOT generates into target/classes
	 * at {@code package} ({@code Foo__BeanDefinitions} and the like wire every package to
	 * every other), so the rules hold whether or not a {@code package} ran before.
	 */
	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption((location) -> !location.contains("__"))
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
					"dev.ftbridge.completion..", "dev.ftbridge.kafka..")
			.check(CLASSES);
	}

	@Test
	void completionDependsOnlyOnFivetranEventsAndKafka() {
		noClasses().that()
			.resideInAPackage("dev.ftbridge.completion..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.ftbridge.command..", "dev.ftbridge.webhook..")
			.check(CLASSES);
	}

	@Test
	void webhooksDependOnlyOnEventsCompletionAndKafka() {
		// Webhook bodies carry Fivetran's timestamps: they are read by the one parser,
		// FivetranTime; nothing else of the client is theirs to use.
		noClasses().that()
			.resideInAPackage("dev.ftbridge.webhook..")
			.should()
			.dependOnClassesThat(DescribedPredicate.and(
					JavaClass.Predicates.resideInAnyPackage("dev.ftbridge.command..", "dev.ftbridge.fivetran.."),
					DescribedPredicate.not(JavaClass.Predicates.equivalentTo(FivetranTime.class))))
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
	void kafkaPlumbingDependsOnNoOtherModule() {
		noClasses().that()
			.resideInAPackage("dev.ftbridge.kafka..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.ftbridge.command..", "dev.ftbridge.events..", "dev.ftbridge.fivetran..",
					"dev.ftbridge.webhook..", "dev.ftbridge.completion..", "dev.ftbridge.cli..")
			.check(CLASSES);
	}

	@Test
	void eventsDependOnNoOtherModule() {
		noClasses().that()
			.resideInAPackage("dev.ftbridge.events..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.ftbridge.command..", "dev.ftbridge.fivetran..", "dev.ftbridge.webhook..",
					"dev.ftbridge.completion..")
			.check(CLASSES);
	}

	@Test
	void theContractDependsOnNothingOfTheServiceNorOnSpringOrKafka() {
		noClasses().that()
			.resideInAPackage("dev.ftbridge.contract..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.ftbridge.command..", "dev.ftbridge.events..", "dev.ftbridge.fivetran..",
					"dev.ftbridge.webhook..", "dev.ftbridge.completion..", "dev.ftbridge.kafka..",
					"dev.ftbridge.sandbox..", "org.springframework..", "org.apache.kafka..")
			.check(CLASSES);
	}

	@Test
	void nothingDependsOnLineageAndLineageOnlyOnFivetranAndEvents() {
		// Lineage and drift are derived from what the bridge publishes: it reads the
		// bridge's topics and Fivetran, and nothing else of the bridge needs it.
		noClasses().that()
			.resideOutsideOfPackage("dev.ftbridge.lineage..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.ftbridge.lineage..")
			.check(CLASSES);
		noClasses().that()
			.resideInAPackage("dev.ftbridge.lineage..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.ftbridge.command..", "dev.ftbridge.webhook..", "dev.ftbridge.operations..",
					"dev.ftbridge.completion..")
			.check(CLASSES);
	}

	@Test
	void onlyTheFivetranModuleSpeaksHttpToFivetran() {
		// The sandbox plays Fivetran: its webhook deliveries are HTTP calls to the
		// bridge. OpenLineageEndpoint posts lineage to a catalog, not to Fivetran.
		noClasses().that()
			.resideOutsideOfPackages("dev.ftbridge.fivetran..", "dev.ftbridge.sandbox..")
			.and()
			.doNotHaveFullyQualifiedName("dev.ftbridge.lineage.OpenLineageEndpoint")
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
	void theCompletionAndWebhookUseCasesHaveNoKafkaTypes() {
		// Only adapters touch Kafka: topic writers, result reader, consumer side,
		// wiring.
		noClasses().that()
			.resideInAPackage("dev.ftbridge.completion..")
			.and()
			.doNotHaveSimpleName("PendingOperationsTopic")
			.and()
			.doNotHaveSimpleName("StartedMarks")
			.and()
			.doNotHaveSimpleName("ResultHistory")
			.and()
			.doNotHaveSimpleName("PendingOperationsConsumer")
			.and()
			.doNotHaveSimpleName("CompletionConfiguration")
			.or()
			.haveSimpleNameStartingWith("WebhookProcessor")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
			.check(CLASSES);
	}

}
