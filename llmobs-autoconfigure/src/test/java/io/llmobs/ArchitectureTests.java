package io.llmobs;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers: {@code io.llmobs.core} is the kernel and knows no feature; feature packages
 * use the core, know nothing of Spring Boot and depend on each other only as declared
 * here, never in cycles; wiring lives in {@code io.llmobs.autoconfigure}, one subpackage
 * per feature, which wires its own feature and what that feature declares.
 */
class ArchitectureTests {

	/**
	 * The feature packages and the ones each may use. A dependency that is not here fails
	 * the build, so that adding one, or a feature package, is a decision made in this
	 * table. Every feature may use {@code core}.
	 */
	private static final Map<String, Set<String>> FEATURE_DEPENDENCIES = new TreeMap<>(Map.ofEntries(
			// The endpoint shows every feature's settings, capture's and redaction's too
			// (their properties classes), and whether the shared state runs in Redis.
			Map.entry("actuate",
					Set.of("budget", "capture", "chat", "context", "conversation", "cost", "feedback", "judge",
							"prompt", "redact", "sharedstate", "tool")),
			// Budgets guard ChatClient calls with an advisor and charge each model call
			// with the cost the chat instrumentation computed: budget uses chat (and so
			// cost), neither of them knows budget.
			Map.entry("budget", Set.of("chat")),
			// The shared state implements the core's interfaces over Redis; the features
			// see only those interfaces.
			Map.entry("sharedstate", Set.of()), Map.entry("capture", Set.of("chat", "redact")),
			Map.entry("chat", Set.of("cost")),
			// The console shows every feature's figures: the model calls and their
			// context windows, captured content, cost totals, conversations, budgets, and
			// the meters of the judge, the tools and the PII counts by their names.
			Map.entry("console",
					Set.of("budget", "capture", "chat", "context", "conversation", "cost", "judge", "redact", "tool")),
			Map.entry("context", Set.of("chat", "cost")),
			// A conversation adds up the tokens and cost of its model calls (the chat
			// accounting, the catalog's usage) and their context utilization.
			Map.entry("conversation", Set.of("chat", "context", "cost")),
			// Guardrail blocks are counted as safety failures through the judge's failure
			// recorder.
			Map.entry("feedback", Set.of("chat", "judge")),
			// The judge reads the context accounting of the call it judges; its own calls
			// are priced with the catalog.
			Map.entry("judge", Set.of("chat", "context", "cost")), Map.entry("mcp", Set.of("chat")),
			Map.entry("openai", Set.of("chat")), Map.entry("prompt", Set.of("chat")), Map.entry("redact", Set.of()),
			Map.entry("tool", Set.of("chat")), Map.entry("cost", Set.of()),
			// Rewrites exported spans by their attribute names alone.
			Map.entry("semconv", Set.of())));

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
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

	@Test
	void theCoreKnowsNoFeatureAndNoWiring() {
		noClasses().that()
			.resideInAPackage("io.llmobs.core..")
			.should()
			.dependOnClassesThat(resideInAPackage("io.llmobs..").and(not(resideInAPackage("io.llmobs.core.."))))
			.check(this.classes);
	}

	@Test
	void featuresKnowNothingOfTheWiring() {
		noClasses().that()
			.resideOutsideOfPackage("io.llmobs.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.llmobs.autoconfigure..")
			.check(this.classes);
	}

	@Test
	void eachFeaturesWiringUsesOnlyThatFeatureAndWhatItDeclares() {
		FEATURE_DEPENDENCIES.forEach((feature, allowed) -> {
			Set<String> reachable = new TreeSet<>(allowed);
			reachable.add(feature);
			String[] others = FEATURE_DEPENDENCIES.keySet()
				.stream()
				.filter((other) -> !reachable.contains(other))
				.flatMap((other) -> Stream.of("io.llmobs." + other + "..", "io.llmobs.autoconfigure." + other + ".."))
				.toArray(String[]::new);
			noClasses().that()
				.resideInAPackage("io.llmobs.autoconfigure." + feature + "..")
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(others)
				.because("the wiring of " + feature + " may use " + reachable + ", the core and the shared wiring")
				.check(this.classes);
		});
	}

	@Test
	void everyFeatureHasItsWiringPackageAndNoOtherWiringPackageExists() {
		Set<String> wiring = this.classes.stream()
			.map(JavaClass::getPackageName)
			.filter((name) -> name.startsWith("io.llmobs.autoconfigure."))
			.map((name) -> name.substring("io.llmobs.autoconfigure.".length()).split("\\.")[0])
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> expected = new TreeSet<>(FEATURE_DEPENDENCIES.keySet());
		expected.add("core");
		assertThat(wiring).isEqualTo(expected);
	}

	@Test
	void everyFeaturePackageIsDeclared() {
		Set<String> features = this.classes.stream()
			.map(JavaClass::getPackageName)
			.filter((name) -> name.startsWith("io.llmobs.") && !name.startsWith("io.llmobs.autoconfigure")
					&& !name.startsWith("io.llmobs.core"))
			.map((name) -> name.substring("io.llmobs.".length()).split("\\.")[0])
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(features).isEqualTo(FEATURE_DEPENDENCIES.keySet());
	}

	@Test
	void featuresDependOnlyOnTheFeaturesTheyDeclare() {
		FEATURE_DEPENDENCIES.forEach((feature, allowed) -> {
			String[] others = FEATURE_DEPENDENCIES.keySet()
				.stream()
				.filter((other) -> !other.equals(feature) && !allowed.contains(other))
				.map((other) -> "io.llmobs." + other + "..")
				.toArray(String[]::new);
			noClasses().that()
				.resideInAPackage("io.llmobs." + feature + "..")
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(others)
				.because(feature + " declares only " + allowed)
				.check(this.classes);
		});
	}

}
