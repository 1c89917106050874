package io.llmobs.chat;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Why a model stopped generating, normalized across providers: the closed set of
 * {@code reason} tag values. {@link #LENGTH} is the max-tokens canary: a truncated answer
 * that still returned HTTP 200.
 */
public enum FinishReason {

	/** Natural end or a stop sequence. */
	STOP("stop"),

	/** The output-token limit was reached; the answer is truncated. */
	LENGTH("length"),

	/** The model asked for tool calls. */
	TOOL_CALLS("tool_calls"),

	/** A provider-side safety or content filter stopped the output. */
	CONTENT_FILTER("content_filter"),

	/** Anything else the provider reported. */
	OTHER("other");

	/**
	 * The providers' values in any case. A look-up rather than lower-casing first, which
	 * allocates for every upper-case value ({@code STOP}), on every model call.
	 */
	private static final Map<String, FinishReason> BY_PROVIDER_VALUE = byProviderValue();

	/**
	 * The providers' values as they write them, lower or upper case: one hash look-up for
	 * almost every response, before the case-insensitive map's string comparisons.
	 */
	private static final Map<String, FinishReason> AS_WRITTEN = asWritten();

	private final String value;

	private final String jsonArray;

	FinishReason(String value) {
		this.value = value;
		this.jsonArray = "[\"" + value + "\"]";
	}

	/**
	 * The span attribute value of a response with this single reason, e.g.
	 * {@code ["stop"]}.
	 */
	String jsonArray() {
		return this.jsonArray;
	}

	/**
	 * The tag and span attribute value.
	 * @return the normalized value
	 */
	public String value() {
		return this.value;
	}

	/**
	 * Normalizes a provider's finish reason ({@code STOP}, {@code end_turn},
	 * {@code max_tokens}, {@code tool_use}, {@code SAFETY}, ...).
	 * @param raw the provider's value
	 * @return the normalized reason, or {@code null} when the provider gave none
	 */
	public static @Nullable FinishReason of(@Nullable String raw) {
		if (raw == null) {
			return null;
		}
		FinishReason written = AS_WRITTEN.get(raw);
		if (written != null) {
			return written;
		}
		return raw.isBlank() ? null : BY_PROVIDER_VALUE.getOrDefault(raw, OTHER);
	}

	private static Map<String, FinishReason> asWritten() {
		Map<String, FinishReason> reasons = new HashMap<>();
		BY_PROVIDER_VALUE.forEach((value, reason) -> {
			reasons.put(value.toLowerCase(Locale.ROOT), reason);
			reasons.put(value.toUpperCase(Locale.ROOT), reason);
		});
		return Map.copyOf(reasons);
	}

	private static Map<String, FinishReason> byProviderValue() {
		Map<String, FinishReason> reasons = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		STOP.reportedAs(reasons, "stop", "end_turn", "stop_sequence", "complete", "eos", "finish_reason_stop");
		LENGTH.reportedAs(reasons, "length", "max_tokens", "model_length", "max_output_tokens");
		TOOL_CALLS.reportedAs(reasons, "tool_calls", "tool_use", "function_call");
		CONTENT_FILTER.reportedAs(reasons, "content_filter", "safety", "recitation", "blocklist", "prohibited_content",
				"spii", "refusal", "guardrail_intervened", "content_filtered");
		return Collections.unmodifiableMap(reasons);
	}

	private void reportedAs(Map<String, FinishReason> reasons, String... providerValues) {
		for (String providerValue : providerValues) {
			reasons.put(providerValue, this);
		}
	}

}
