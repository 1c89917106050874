package io.llmobs.test;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jspecify.annotations.NullMarked;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How each module checks that its main code is {@code @NullMarked}: the build's NullAway
 * checks only such packages, so a package without it would escape the null checks
 * unnoticed.
 */
public final class NullMarkedPackages {

	private NullMarkedPackages() {
	}

	/**
	 * Asserts that every package of main code under a root package is
	 * {@code @NullMarked}.
	 * @param rootPackage the module's root package
	 */
	public static void assertAllNullMarked(String rootPackage) {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(rootPackage);
		assertThat(classes).as("main classes under " + rootPackage).isNotEmpty();
		Set<String> unmarked = classes.stream()
			.map(JavaClass::getPackage)
			.filter((javaPackage) -> !javaPackage.isAnnotatedWith(NullMarked.class))
			.map(JavaPackage::getName)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(unmarked).as("packages without @NullMarked in their package-info.java").isEmpty();
	}

}
