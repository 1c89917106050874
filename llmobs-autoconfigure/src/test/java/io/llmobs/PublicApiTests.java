package io.llmobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public types of the library are the ones docs/reference.md lists under "Public
 * API": a type made public, or hidden, without its row added or removed fails here, so
 * widening the API is a decision written down with its reason.
 */
class PublicApiTests {

	private static final Path REFERENCE = Path.of("..", "docs", "reference.md");

	private static final Pattern PACKAGE_HEADING = Pattern.compile("^### `(io\\.llmobs[\\w.]*)`");

	private static final Pattern TYPE = Pattern.compile("`([A-Z]\\w*)(?:\\.[A-Z]\\w*)*`");

	@Test
	void thePublicTypesAreTheDocumentedOnes() throws IOException {
		Set<String> documented = qualified(documented());
		Set<String> actual = qualified(actual());
		assertThat(difference(actual, documented)).as("public types missing from the Public API of docs/reference.md")
			.isEmpty();
		assertThat(difference(documented, actual))
			.as("types in the Public API of docs/reference.md that are not public")
			.isEmpty();
	}

	private static Set<String> qualified(Map<String, Set<String>> types) {
		Set<String> names = new TreeSet<>();
		types.forEach((packageName, simpleNames) -> simpleNames.forEach((name) -> names.add(packageName + "." + name)));
		return names;
	}

	private static Set<String> difference(Set<String> names, Set<String> others) {
		Set<String> difference = new TreeSet<>(names);
		difference.removeAll(others);
		return difference;
	}

	private static Map<String, Set<String>> actual() {
		Map<String, Set<String>> types = new TreeMap<>();
		new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.llmobs")
			.stream()
			.filter(JavaClass::isTopLevelClass)
			.filter((type) -> type.getModifiers().contains(JavaModifier.PUBLIC))
			.filter((type) -> !type.getSimpleName().equals("package-info"))
			.forEach((type) -> types.computeIfAbsent(type.getPackageName(), (key) -> new TreeSet<>())
				.add(type.getSimpleName()));
		return types;
	}

	/**
	 * The types of the first column of each table row in the "Public API" section, by the
	 * package heading above it; a nested type ({@code LlmObsEndpoint.CostDescriptor})
	 * counts as its top-level type, and what a row says in parentheses (how the type
	 * comes) is not a type of the package.
	 */
	private static Map<String, Set<String>> documented() throws IOException {
		Map<String, Set<String>> types = new TreeMap<>();
		List<String> lines = Files.readAllLines(REFERENCE);
		int start = lines
			.indexOf(lines.stream().filter((line) -> line.startsWith("## Public API")).findFirst().orElseThrow());
		String currentPackage = null;
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("## ")) {
				break;
			}
			Matcher heading = PACKAGE_HEADING.matcher(line);
			if (heading.find()) {
				currentPackage = heading.group(1);
				types.computeIfAbsent(currentPackage, (key) -> new TreeSet<>());
			}
			else if (currentPackage != null && line.startsWith("| `")) {
				String firstCell = line.substring(1, line.indexOf('|', 1)).replaceAll("\\([^)]*\\)", "");
				Matcher type = TYPE.matcher(firstCell);
				while (type.find()) {
					types.get(currentPackage).add(type.group(1));
				}
			}
		}
		return types;
	}

}
