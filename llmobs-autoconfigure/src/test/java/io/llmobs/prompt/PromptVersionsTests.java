package io.llmobs.prompt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromptVersionsTests {

	private static final String TEMPLATE = "You are the quoting assistant of {carrier}.\nAnswer with a price in EUR.\n";

	@Test
	void versionIsTwelveHexDigitsOfTheSha256() {
		// printf 'a' | sha256sum
		assertThat(PromptVersions.version("a")).isEqualTo("ca978112ca1b");
		assertThat(PromptVersions.version(TEMPLATE)).matches("[0-9a-f]{12}");
	}

	@Test
	void lineEndingsTrailingSpacesAndFinalNewlinesMakeNoNewVersion() {
		String version = PromptVersions.version(TEMPLATE);
		assertThat(PromptVersions.version(TEMPLATE.replace("\n", "\r\n"))).isEqualTo(version);
		assertThat(PromptVersions.version(TEMPLATE.replace("\n", "\r"))).isEqualTo(version);
		assertThat(PromptVersions.version(TEMPLATE.replace("\n", "  \t\n"))).isEqualTo(version);
		assertThat(PromptVersions.version(TEMPLATE + "\n\n")).isEqualTo(version);
		assertThat(PromptVersions.version(TEMPLATE.strip())).isEqualTo(version);
		assertThat(PromptVersions.version("\uFEFF" + TEMPLATE)).isEqualTo(version);
	}

	@Test
	void everyRealEditMakesANewVersion() {
		String version = PromptVersions.version(TEMPLATE);
		assertThat(PromptVersions.version(TEMPLATE.replace("EUR", "USD"))).isNotEqualTo(version);
		assertThat(PromptVersions.version(TEMPLATE.replace("{carrier}", "{ carrier }"))).isNotEqualTo(version);
		assertThat(PromptVersions.version(TEMPLATE.replace("\n", "\n\n"))).as("an empty line inside")
			.isNotEqualTo(version);
		assertThat(PromptVersions.version(" " + TEMPLATE)).as("leading indentation").isNotEqualTo(version);
		assertThat(PromptVersions.version(TEMPLATE.replace(".\n", ". \nBe brief.\n"))).isNotEqualTo(version);
	}

	@Test
	void normalizationKeepsInnerLinesAndIndentation() {
		assertThat(PromptVersions.normalize("a \r\n  b\t\r\rc\n\n")).isEqualTo("a\n  b\n\nc");
		assertThat(PromptVersions.normalize("")).isEmpty();
	}

}
