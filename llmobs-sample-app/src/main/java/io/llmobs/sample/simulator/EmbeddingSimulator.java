package io.llmobs.sample.simulator;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A deterministic stand-in for an OpenAI embedding model: hashed bag-of-words vectors,
 * L2-normalized, so texts that share words are close (cosine similarity) and a retrieval
 * demo finds sensible neighbours.
 */
@Component
@Profile("!openai")
public final class EmbeddingSimulator {

	/**
	 * The dimensions of {@code text-embedding-3-small}, used when the request sets none.
	 */
	static final int DEFAULT_DIMENSIONS = 1536;

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	/**
	 * The embedding of a text.
	 * @param text the text
	 * @param dimensions the vector size
	 * @return the unit vector
	 */
	public float[] embed(String text, int dimensions) {
		float[] vector = new float[dimensions];
		Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
		while (words.find()) {
			int hash = words.group().hashCode();
			vector[Math.floorMod(hash, dimensions)] += ((hash & 0x40000000) == 0) ? 1 : -1;
			vector[Math.floorMod(hash * 31 + 7, dimensions)] += 0.5f;
		}
		double norm = 0;
		for (float value : vector) {
			norm += value * value;
		}
		if (norm == 0) {
			vector[0] = 1;
			return vector;
		}
		float scale = (float) (1 / Math.sqrt(norm));
		for (int i = 0; i < vector.length; i++) {
			vector[i] *= scale;
		}
		return vector;
	}

	/**
	 * A vector in OpenAI's {@code base64} encoding: little-endian float32 values.
	 * @param vector the vector
	 * @return the encoded vector
	 */
	static String base64(float[] vector) {
		ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		for (float value : vector) {
			bytes.putFloat(value);
		}
		return Base64.getEncoder().encodeToString(bytes.array());
	}

}
