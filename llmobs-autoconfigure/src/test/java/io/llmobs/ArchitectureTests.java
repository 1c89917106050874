package io.llmobs;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Feature packages know nothing of Spring Boot and do not depend on each other in cycles; wiring lives in
 * {@code io.llmobs.autoconfigure}.
 */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.llmobs");

	@Test
	void featurePackagesAreFreeOfSpringBoot() {
		noClasses().that()
			.resideOutsideOfPackages("io.llmobs.autoconfigure..", "io.llmobs.actuate..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot..")
			.check(this.classes);
	}

	@Test
	void costKnowsNothingOfSpringAi() {
		noClasses().that()
			.resideInAPackage("io.llmobs.cost..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "io.llmobs.chat..")
			.check(this.classes);
	}

	@Test
	void redactionKnowsNothingOfSpring() {
		noClasses().that()
			.resideInAPackage("io.llmobs.redact..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "io.llmobs.chat..", "io.llmobs.capture..")
			.check(this.classes);
	}

	@Test
	void noPackageCycles() {
		slices().matching("io.llmobs.(*)..").should().beFreeOfCycles().check(this.classes);
	}

}
