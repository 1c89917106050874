package io.llmobs.autoconfigure.prompt;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.StringUtils;

/**
 * Reads the prompt templates under {@code llmobs.prompts.location}: every file directly
 * under it is a prompt named after the file without its extension. A missing location is
 * an empty registry; an unreadable file, or two files of one name, fail start-up.
 */
final class PromptTemplateFiles {

	private static final String PROPERTY = "llmobs.prompts.location";

	private PromptTemplateFiles() {
	}

	static Map<String, String> read(ResourcePatternResolver resolver, String location) {
		String pattern = pattern(location);
		Resource[] resources;
		try {
			resources = resolver.getResources(pattern);
		}
		catch (FileNotFoundException ex) {
			return Map.of();
		}
		catch (IOException ex) {
			throw new IllegalStateException(PROPERTY + " '" + location + "' cannot be listed: " + ex.getMessage(), ex);
		}
		Map<String, String> templates = new TreeMap<>();
		Map<String, String> sources = new TreeMap<>();
		for (Resource resource : resources) {
			String filename = resource.getFilename();
			if (!StringUtils.hasText(filename) || !isFile(resource)) {
				continue;
			}
			String name = StringUtils.stripFilenameExtension(filename);
			String previous = sources.put(name, resource.getDescription());
			if (previous != null) {
				throw new IllegalStateException(PROPERTY + " '" + location + "' has two templates named '" + name
						+ "': " + previous + " and " + resource.getDescription());
			}
			templates.put(name, content(resource, location));
		}
		return templates;
	}

	/**
	 * Files directly under the location; {@code classpath:} looks in every class path
	 * root.
	 */
	private static String pattern(String location) {
		String directory = location.endsWith("/") ? location : location + "/";
		if (directory.startsWith(ResourcePatternResolver.CLASSPATH_URL_PREFIX)) {
			directory = ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX
					+ directory.substring(ResourcePatternResolver.CLASSPATH_URL_PREFIX.length());
		}
		return directory + "*";
	}

	private static boolean isFile(Resource resource) {
		try {
			return resource.isFile() ? resource.getFile().isFile() : !resource.getURL().getPath().endsWith("/");
		}
		catch (IOException ex) {
			return true;
		}
	}

	private static String content(Resource resource, String location) {
		try (InputStream input = resource.getInputStream()) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(PROPERTY + " '" + location + "': cannot read prompt template "
					+ resource.getDescription() + ": " + ex.getMessage(), ex);
		}
	}

}
