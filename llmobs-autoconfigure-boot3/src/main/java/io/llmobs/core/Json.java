package io.llmobs.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jspecify.annotations.Nullable;

/**
 * JSON text to and from plain Java values (maps, lists, strings, numbers, booleans and
 * {@code null}), through the Jackson of the Spring line the library is built for: Jackson
 * 2 here. The features read and write JSON only through it, so that their code is the
 * same on every line.
 */
public final class Json {

	private static final JsonMapper PLAIN = JsonMapper.builder().build();

	private static final JsonMapper SORTED = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private static final JsonMapper INDENTED = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private Json() {
	}

	/**
	 * Reads a JSON document.
	 * @param json the document
	 * @return its value: a {@code Map<String, Object>} for an object, a
	 * {@code List<Object>} for an array, a {@code String}, {@code Number} or
	 * {@code Boolean}, or {@code null}
	 * @throws IllegalArgumentException with the parser's message when it is not JSON
	 */
	public static @Nullable Object read(String json) {
		try {
			return PLAIN.readValue(json, Object.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Reads a JSON document from a stream, which stays open.
	 * @param json the document
	 * @return its value, as {@link #read(String)} gives it
	 * @throws IllegalArgumentException with the parser's message when it is not JSON
	 */
	public static @Nullable Object read(InputStream json) {
		try {
			return PLAIN.readValue(json.readAllBytes(), Object.class);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(ex.getOriginalMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes a value as compact JSON.
	 * @param value maps, lists and scalars
	 * @return the JSON text
	 */
	public static String write(@Nullable Object value) {
		return write(PLAIN, value);
	}

	/**
	 * Writes a value as compact JSON with the properties of every object sorted by name:
	 * two values that differ only in the order of their properties give the same text.
	 * @param value maps, lists and scalars
	 * @return the JSON text
	 */
	public static String writeSorted(@Nullable Object value) {
		return write(SORTED, value);
	}

	/**
	 * Writes a value as indented JSON, for files people read.
	 * @param value maps, lists and scalars
	 * @return the JSON text
	 */
	public static String writeIndented(@Nullable Object value) {
		return write(INDENTED, value);
	}

	private static String write(JsonMapper mapper, @Nullable Object value) {
		try {
			return mapper.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Not writable as JSON: " + ex.getOriginalMessage(), ex);
		}
	}

}
