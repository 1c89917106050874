package io.llmobs.autoconfigure.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PromptTemplateFilesTests {

	private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	@Test
	void everyFileIsAPromptNamedAfterItWithoutExtension(@TempDir Path directory) throws IOException {
		write(directory.resolve("answer.st"), "Answer {question}.\n");
		write(directory.resolve("classify.txt"), "Classify.\n");
		write(directory.resolve("README"), "no extension\n");
		Files.createDirectory(directory.resolve("drafts.d"));
		write(directory.resolve("drafts.d").resolve("nested.st"), "not directly under the location\n");
		assertThat(PromptTemplateFiles.read(this.resolver, directory.toUri().toString())).containsExactly(
				Map.entry("README", "no extension\n"), Map.entry("answer", "Answer {question}.\n"),
				Map.entry("classify", "Classify.\n"));
	}

	@Test
	void classpathLocationsAreRead() {
		assertThat(PromptTemplateFiles.read(this.resolver, "classpath:/test-prompts/")).containsOnlyKeys("answer",
				"classify");
		assertThat(PromptTemplateFiles.read(this.resolver, "classpath:test-prompts")).containsOnlyKeys("answer",
				"classify");
	}

	@Test
	void missingLocationIsAnEmptyRegistry(@TempDir Path directory) {
		assertThat(PromptTemplateFiles.read(this.resolver, "classpath:/no-such-prompts/")).isEmpty();
		assertThat(PromptTemplateFiles.read(this.resolver, directory.resolve("absent").toUri().toString())).isEmpty();
	}

	@Test
	void twoTemplatesOfOneNameFailNamingTheProperty(@TempDir Path directory) throws IOException {
		write(directory.resolve("answer.st"), "a");
		write(directory.resolve("answer.txt"), "b");
		assertThatIllegalStateException()
			.isThrownBy(() -> PromptTemplateFiles.read(this.resolver, directory.toUri().toString()))
			.withMessageStartingWith("llmobs.prompts.location")
			.withMessageContaining("two templates named 'answer'");
	}

	@Test
	void unreadableTemplateFailsNamingThePropertyAndTheFile() {
		Resource unreadable = new AbstractResource() {

			@Override
			public String getFilename() {
				return "answer.st";
			}

			@Override
			public String getDescription() {
				return "file [/prompts/answer.st]";
			}

			@Override
			public InputStream getInputStream() throws IOException {
				throw new IOException("Permission denied");
			}

		};
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
				new DefaultResourceLoader()) {

			@Override
			public Resource[] getResources(String locationPattern) {
				return new Resource[] { unreadable };
			}

		};
		assertThatIllegalStateException().isThrownBy(() -> PromptTemplateFiles.read(resolver, "file:/prompts/"))
			.withMessageStartingWith("llmobs.prompts.location 'file:/prompts/'")
			.withMessageContaining("answer.st")
			.withMessageContaining("Permission denied");
	}

	private static void write(Path path, String content) throws IOException {
		Files.writeString(path, content, StandardCharsets.UTF_8);
	}

}
