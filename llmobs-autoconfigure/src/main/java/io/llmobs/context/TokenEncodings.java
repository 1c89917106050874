package io.llmobs.context;

import java.util.Locale;

import com.knuddels.jtokkit.api.EncodingType;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the tokenizer of a model by its family: {@code o200k_base} for current OpenAI
 * models, {@code cl100k_base} for GPT-4 and GPT-3.5. Other providers publish no tokenizer
 * for Java; they get {@code o200k_base}, the closest general-purpose encoding, and the
 * calibration against their reported usage corrects the difference.
 */
final class TokenEncodings {

	private static final String[] O200K_PREFIXES = { "gpt-4o", "chatgpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "gpt-oss",
			"o1", "o3", "o4", "codex" };

	private static final String[] CL100K_PREFIXES = { "gpt-4", "gpt-3.5", "gpt-35", "text-embedding" };

	private TokenEncodings() {
	}

	static EncodingType forModel(@Nullable String modelId) {
		if (modelId == null) {
			return EncodingType.O200K_BASE;
		}
		String id = modelId.toLowerCase(Locale.ROOT);
		int slash = id.lastIndexOf('/');
		if (slash >= 0) {
			id = id.substring(slash + 1);
		}
		if (startsWithAny(id, O200K_PREFIXES)) {
			return EncodingType.O200K_BASE;
		}
		if (startsWithAny(id, CL100K_PREFIXES)) {
			return EncodingType.CL100K_BASE;
		}
		return EncodingType.O200K_BASE;
	}

	private static boolean startsWithAny(String id, String[] prefixes) {
		for (String prefix : prefixes) {
			if (id.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
