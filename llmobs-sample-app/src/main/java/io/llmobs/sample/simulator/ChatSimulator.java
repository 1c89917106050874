package io.llmobs.sample.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.llmobs.sample.SampleProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A deterministic stand-in for an OpenAI chat model. The same request always gets the
 * same answer:
 * <ul>
 * <li>a system prompt asking for one category word gets a keyword-based category of the
 * user's question;</li>
 * <li>the llmobs judge's rubric gets a JSON verdict: relevance 1.0 when the answer is
 * about the question's category (else 0.4), faithfulness 1.0 when the answer's first
 * sentence is in the context (0.9 without context, else 0.5), other criteria 1.0;</li>
 * <li>other questions get two or three canned support sentences of their category;</li>
 * <li>a question asking for an "essay" runs into the token limit ({@code max_tokens},
 * else 256 tokens) and ends with {@code finish_reason: length}; so does any answer longer
 * than the request's {@code max_tokens};</li>
 * <li>the question is the last user message, or its {@code Query:} part when a retrieval
 * advisor wrapped it in retrieved context;</li>
 * <li>a request with {@code tools} gets a call of each tool in turn, in the order of the
 * request, with arguments derived from the question and the previous tool's result
 * ({@code weightKg}, {@code service} and {@code destination} from the question; an
 * {@code expression} from the {@code base} and {@code perKg} of a rate); once every tool
 * was called in this turn, or a tool answered with something other than JSON (an error,
 * or llmobs' degraded-mode message), a text answer quoting the last result (a price quote
 * when it is a price computed from a rate); a question that says "keep trying" gets a
 * call of the first tool with the same arguments every time, an agent stuck in a loop,
 * for llmobs' loop guard to stop;</li>
 * <li>prompt tokens are counted like a provider whose tokenizer differs from llmobs'
 * estimate: {@code cl100k_base} over each message's content (not over the tool calls of
 * assistant messages), 4 tokens per message and 3 for the reply, and the JSON of the
 * {@code tools} tokenized as a whole (llmobs estimates {@code gpt-4o-mini} with
 * {@code o200k_base}, 3 tokens per message and its own framing of tool schemas, and
 * calibrates against this count); a system prompt seen before is reported as cached
 * input, the tokens of its messages;</li>
 * <li>completion tokens are about four characters per token;</li>
 * <li>the model is answered as its dated snapshot ({@code gpt-4o-mini} as
 * {@code gpt-4o-mini-2024-07-18});</li>
 * <li>latency: 20 to 150 ms before the first token, a few ms per chunk, times
 * {@code sample.simulator.latency-scale}.</li>
 * </ul>
 */
@Component
@Profile("!openai")
public final class ChatSimulator {

	/** Tokens after which an essay is cut when the request sets no limit. */
	static final int ESSAY_TOKEN_LIMIT = 256;

	/** Prompt tokens that frame each message. */
	static final int MESSAGE_OVERHEAD = 4;

	/** Prompt tokens that prime the reply. */
	static final int REPLY_PRIMING = 3;

	/**
	 * The tokenizer of prompts: {@code cl100k_base}, the GPT-4 encoding, where llmobs
	 * assumes {@code o200k_base} for {@code gpt-4o-mini}. Loaded once (about a second);
	 * the lazy registry loads this vocabulary only.
	 */
	private static final Encoding PROMPT_ENCODING = Encodings.newLazyEncodingRegistry()
		.getEncoding(EncodingType.CL100K_BASE);

	private static final Map<String, String> SNAPSHOTS = Map.of("gpt-4o-mini", "gpt-4o-mini-2024-07-18", "gpt-4o",
			"gpt-4o-2024-08-06", "gpt-4.1", "gpt-4.1-2025-04-14", "gpt-4.1-mini", "gpt-4.1-mini-2025-04-14",
			"gpt-4.1-nano", "gpt-4.1-nano-2025-04-14", "gpt-3.5-turbo", "gpt-3.5-turbo-0125", "o4-mini",
			"o4-mini-2025-04-16", "claude-haiku-4-5", "claude-haiku-4-5-20251001", "claude-sonnet-4-5",
			"claude-sonnet-4-5-20250929");

	/** In the order they are tried. */
	private static final List<Category> CATEGORIES = List.of(
			new Category("billing", Pattern.compile("invoice|charge|refund|price|pay|bill|subscription")),
			new Category("shipping", Pattern.compile("package|parcel|deliver|ship|tracking|order")),
			new Category("technical", Pattern.compile("error|crash|bug|install|api|upload|fix")),
			new Category("account", Pattern.compile("password|log ?in|account|email|sign")));

	private static final List<String> GENERAL_ANSWERS = List.of("Thanks for reaching out.",
			"Our support team is available Monday to Friday, 8am to 6pm.",
			"You will also find answers to the most common questions in our help center.");

	private static final Map<String, List<String>> ANSWERS = Map.of("billing",
			List.of("I'm sorry about the trouble with your bill.",
					"Duplicate charges are usually pre-authorisations that disappear within three business days.",
					"If the charge is still there after that, reply with the invoice number and we will refund it."),
			"shipping",
			List.of("Thanks for your patience with the delivery.",
					"Tracking can pause for up to 48 hours while a parcel moves between carrier hubs.",
					"If nothing changes by tomorrow, we will open an investigation and send a replacement."),
			"technical",
			List.of("Sorry that the app is giving you trouble.",
					"Updating to the latest version and clearing the app cache fixes most upload errors.",
					"If it still fails, send us the exact error message and we will check the logs."),
			"account",
			List.of("Let's get you back into your account.",
					"Use the 'Forgot password' link and choose to verify with your phone number instead of email.",
					"Our team can also verify your identity by chat and update the address on file."));

	private static final Pattern CLASSIFIED_AS = Pattern.compile("classified as '([a-z]+)'");

	private static final Pattern WORD = Pattern.compile("\\S+\\s*");

	private static final Pattern WEIGHT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*kg", Pattern.CASE_INSENSITIVE);

	private static final Pattern SERVICE = Pattern.compile("\\b(express|standard|economy)\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * The query inside a user message that a retrieval advisor wrapped in context
	 * ({@code Query: ... Answer:}).
	 */
	private static final Pattern AUGMENTED_QUERY = Pattern.compile("(?s).*\\bQuery: (.*?)\\s*Answer:\\s*$");

	private static final Pattern DESTINATION = Pattern
		.compile("\\bto ([\\p{L} ]+?)(?:[?.,!]|$| with| by| for| in| cost)");

	/**
	 * What sets the llmobs judge's rubric apart: the verdict's failure category field.
	 */
	private static final String JUDGE_MARKER = "\"failure_category\"";

	/** A criterion in the rubric's verdict template, {@code "name": 0.0}. */
	private static final Pattern CRITERION = Pattern.compile("\"([a-z][a-z0-9_]*)\": 0\\.0");

	private static final Pattern SECTIONS = Pattern
		.compile("(?s)## Question\\n(.*?)\\n\\n## Context\\n(.*?)\\n## Answer\\n(.*)");

	private final JsonMapper jsonMapper;

	private final double latencyScale;

	private final Set<String> seenSystemPrompts = Collections
		.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > 1000;
			}

		}));

	/**
	 * Creates the simulator.
	 * @param jsonMapper writes tool-call arguments
	 * @param properties the sample settings, for the latency scale
	 */
	public ChatSimulator(JsonMapper jsonMapper, SampleProperties properties) {
		this.jsonMapper = jsonMapper;
		this.latencyScale = Math.max(0, properties.simulator().latencyScale());
	}

	/**
	 * Answers a chat-completions request.
	 * @param request the request body
	 * @return the simulated completion
	 */
	public Completion complete(JsonNode request) {
		List<Message> messages = request.path("messages").values().stream().map(ChatSimulator::message).toList();
		List<Message> instructions = messages.stream()
			.takeWhile((m) -> m.role().equals("system") || m.role().equals("developer"))
			.toList();
		String system = String.join("\n", instructions.stream().map(Message::text).toList());
		String question = messages.stream()
			.filter((m) -> m.role().equals("user"))
			.reduce((first, second) -> second)
			.map((m) -> query(m.text()))
			.orElse("");
		String requestModel = text(request.path("model"));
		int hash = (requestModel + '\n' + messages).hashCode(); // records: a stable
																// toString
		JsonNode tools = request.path("tools");
		int maxTokens = request.path("max_completion_tokens").asInt(request.path("max_tokens").asInt(0));

		int promptTokens = REPLY_PRIMING + messages.stream().mapToInt(ChatSimulator::messageTokens).sum()
				+ (tools.isArray() ? promptTokens(tools.toString()) : 0);
		// The prefix of leading system messages, as counted in the prompt tokens.
		int cachedTokens = (!system.isEmpty() && !this.seenSystemPrompts.add(system))
				? instructions.stream().mapToInt(ChatSimulator::messageTokens).sum() : 0;

		String content = null;
		ToolCall toolCall = null;
		String finishReason = "stop";
		Message last = messages.isEmpty() ? new Message("user", "", List.of()) : messages.get(messages.size() - 1);
		boolean lastToolFailed = last.role().equals("tool") && !isJson(last.text());
		JsonNode nextTool = question.toLowerCase(Locale.ROOT).contains("keep trying") ? firstTool(tools)
				: lastToolFailed ? null : nextTool(tools, messages);
		if (nextTool != null) {
			JsonNode function = nextTool.path("function");
			toolCall = new ToolCall("call_sim" + Integer.toHexString(hash), text(function.path("name")),
					arguments(function.path("parameters"), question, last, hash));
			finishReason = "tool_calls";
		}
		else if (last.role().equals("tool")) {
			String quote = quote(question, last, messages);
			content = (quote != null) ? quote
					: "Here is what I found: " + truncate(last.text(), 200) + " Anything else I can help with?";
		}
		else if (system.contains(JUDGE_MARKER)) {
			content = verdict(system, question);
		}
		else if (isClassifier(system)) {
			content = categoryOf(question);
		}
		else {
			content = answer(question, system, hash);
			int limit = (maxTokens > 0) ? maxTokens
					: question.toLowerCase(Locale.ROOT).contains("essay") ? ESSAY_TOKEN_LIMIT : Integer.MAX_VALUE;
			if (tokens(content) > limit) {
				content = content.substring(0, limit * 4);
				finishReason = "length";
			}
		}
		int completionTokens = (toolCall != null) ? 5 + tokens(toolCall.name() + toolCall.arguments())
				: Math.max(1, tokens(Objects.requireNonNull(content, "an answer without a tool call has content")));
		return new Completion(SNAPSHOTS.getOrDefault(requestModel, requestModel), content, toolCall, finishReason,
				promptTokens, completionTokens, cachedTokens, scaled(20 + Math.floorMod(hash, 131)),
				scaled(3 + Math.floorMod(hash >>> 8, 8)));
	}

	/**
	 * Splits text into stream pieces of about three words, whitespace kept.
	 * @param content the text
	 * @return the pieces, in order
	 */
	static List<String> pieces(String content) {
		List<String> pieces = new ArrayList<>();
		Matcher words = WORD.matcher(content);
		StringBuilder piece = new StringBuilder();
		int count = 0;
		while (words.find()) {
			piece.append(words.group());
			if (++count % 3 == 0) {
				pieces.add(piece.toString());
				piece.setLength(0);
			}
		}
		if (!piece.isEmpty()) {
			pieces.add(piece.toString());
		}
		return pieces;
	}

	/**
	 * Approximate token count of completions and embedding inputs: four characters per
	 * token.
	 * @param text the text
	 * @return the tokens
	 */
	static int tokens(String text) {
		return (text.length() + 3) / 4;
	}

	/**
	 * The prompt tokens of a text, with {@code cl100k_base}; special tokens such as
	 * {@code <|endoftext|>} count as ordinary text.
	 * @param text the text
	 * @return the tokens
	 */
	static int promptTokens(String text) {
		return PROMPT_ENCODING.countTokensOrdinary(text);
	}

	private static int messageTokens(Message message) {
		return MESSAGE_OVERHEAD + promptTokens(message.text());
	}

	static String categoryOf(String question) {
		String lower = question.toLowerCase(Locale.ROOT);
		return CATEGORIES.stream()
			.filter((c) -> c.keywords().matcher(lower).find())
			.map(Category::name)
			.findFirst()
			.orElse("general");
	}

	private static boolean isClassifier(String system) {
		String lower = system.toLowerCase(Locale.ROOT);
		return lower.contains("categor") && (lower.contains("one word") || lower.contains("one lowercase word")
				|| lower.contains("exactly one"));
	}

	private static String verdict(String rubric, String judged) {
		Matcher sections = SECTIONS.matcher(judged);
		boolean laidOut = sections.find();
		String question = laidOut ? sections.group(1) : judged;
		String context = laidOut ? sections.group(2).strip() : "";
		String answer = laidOut ? sections.group(3).strip() : "";
		double relevance = categoryOf(answer).equals(categoryOf(question)) ? 1.0 : 0.4;
		String firstSentence = answer.contains(".") ? answer.substring(0, answer.indexOf('.') + 1) : answer;
		double faithfulness = context.equals("(none)") ? 0.9
				: (!firstSentence.isEmpty() && context.contains(firstSentence)) ? 1.0 : 0.5;
		StringBuilder scores = new StringBuilder();
		Matcher criteria = CRITERION.matcher(rubric);
		while (criteria.find()) {
			String criterion = criteria.group(1);
			double score = switch (criterion) {
				case "relevance" -> relevance;
				case "faithfulness" -> faithfulness;
				default -> 1.0;
			};
			scores.append((scores.length() > 0) ? ", " : "").append('"').append(criterion).append("\": ").append(score);
		}
		boolean pass = relevance >= 0.9 && faithfulness >= 0.9;
		return "{\"scores\": {" + scores + "}, \"label\": \"" + (pass ? "pass" : "fail")
				+ "\", \"explanation\": \"Simulated verdict.\", \"failure_category\": \""
				+ (pass ? "none" : (relevance < 0.9) ? "coverage_gap" : "unsupported_generation") + "\"}";
	}

	private static String answer(String question, String system, int hash) {
		Matcher classified = CLASSIFIED_AS.matcher(system);
		String category = classified.find() ? classified.group(1) : categoryOf(question);
		List<String> sentences = ANSWERS.getOrDefault(category, GENERAL_ANSWERS);
		if (question.toLowerCase(Locale.ROOT).contains("essay")) {
			StringBuilder essay = new StringBuilder();
			for (int section = 1; section <= 12; section++) {
				essay.append("Part ").append(section).append(". ").append(String.join(" ", sentences)).append(' ');
			}
			return essay.toString().strip();
		}
		return String.join(" ", sentences.subList(0, 2 + Math.floorMod(hash, 2)));
	}

	private static @Nullable JsonNode firstTool(JsonNode tools) {
		return (tools.isArray() && !tools.isEmpty()) ? tools.get(0) : null;
	}

	/**
	 * The first tool of the request not called yet since the last user message, or
	 * {@code null}.
	 */
	private static @Nullable JsonNode nextTool(JsonNode tools, List<Message> messages) {
		if (!tools.isArray()) {
			return null;
		}
		Set<String> called = new HashSet<>();
		for (int i = messages.size() - 1; i >= 0 && !messages.get(i).role().equals("user"); i--) {
			called.addAll(messages.get(i).toolCalls());
		}
		for (JsonNode tool : tools.values()) {
			if (!called.contains(text(tool.path("function").path("name")))) {
				return tool;
			}
		}
		return null;
	}

	private boolean isJson(String text) {
		try {
			JsonNode node = this.jsonMapper.readTree(text);
			return (node.isObject() && !node.has("error")) || node.isNumber()
					|| (node.isString() && isNumber(node.stringValue()));
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	private String arguments(JsonNode parameters, String question, Message previous, int hash) {
		Map<String, Object> arguments = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> property : parameters.path("properties").properties()) {
			String name = property.getKey();
			switch (text(property.getValue().path("type"))) {
				case "string" -> arguments.put(name, stringArgument(name, question, previous));
				case "integer", "number" -> arguments.put(name, name.toLowerCase(Locale.ROOT).startsWith("weight")
						? weight(question) : 1 + Math.floorMod(hash, 9));
				case "boolean" -> arguments.put(name, true);
				case "array" -> arguments.put(name, List.of());
				default -> {
				}
			}
		}
		return this.jsonMapper.writeValueAsString(arguments);
	}

	private String stringArgument(String name, String question, Message previous) {
		switch (name) {
			case "service" -> {
				Matcher service = SERVICE.matcher(question);
				return service.find() ? service.group(1).toLowerCase(Locale.ROOT) : "standard";
			}
			case "destination" -> {
				Matcher destination = DESTINATION.matcher(question);
				return destination.find() ? destination.group(1).strip() : truncate(question, 80);
			}
			case "expression" -> {
				JsonNode rate = previous.role().equals("tool") ? this.jsonMapper.readTree(previous.text()) : null;
				if (rate != null && rate.path("base").isNumber() && rate.path("perKg").isNumber()) {
					return rate.path("base").asDouble() + " + " + rate.path("perKg").asDouble() + " * "
							+ weight(question);
				}
				return truncate(question, 80);
			}
			default -> {
				return truncate(question, 80);
			}
		}
	}

	/**
	 * A price quote when the turn looked a rate up and the last tool computed a price
	 * from it: "Express shipping of 5 kg to Hanoi costs 66.00 EUR: 45.0 EUR plus 4.2 EUR
	 * per kg (zone 5)."
	 */
	private @Nullable String quote(String question, Message last, List<Message> messages) {
		if (!isNumber(last.text().strip())) {
			return null;
		}
		JsonNode rate = null;
		for (int i = messages.size() - 1; i >= 0 && !messages.get(i).role().equals("user"); i--) {
			Message message = messages.get(i);
			if (message.role().equals("tool") && message.text().contains("\"perKg\"")) {
				rate = this.jsonMapper.readTree(message.text());
				break;
			}
		}
		Matcher weight = WEIGHT.matcher(question);
		Matcher destination = DESTINATION.matcher(question);
		if (rate == null || !weight.find() || !destination.find()) {
			return null;
		}
		String service = text(rate.path("service"));
		String serviceName = service.isEmpty() ? "Standard"
				: Character.toUpperCase(service.charAt(0)) + service.substring(1);
		return serviceName + " shipping of " + weight.group(1) + " kg to " + destination.group(1).strip() + " costs "
				+ last.text().strip() + " EUR: " + rate.path("base").asDouble() + " EUR plus "
				+ rate.path("perKg").asDouble() + " EUR per kg (zone " + rate.path("zone").asInt() + ").";
	}

	/**
	 * The question of a user message: the query of one a retrieval advisor augmented,
	 * else all of it.
	 */
	private static String query(String userText) {
		Matcher augmented = AUGMENTED_QUERY.matcher(userText);
		return augmented.matches() ? augmented.group(1) : userText;
	}

	private static double weight(String question) {
		Matcher weight = WEIGHT.matcher(question);
		return weight.find() ? Double.parseDouble(weight.group(1)) : 1.0;
	}

	private static boolean isNumber(String text) {
		try {
			Double.parseDouble(text);
			return true;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private Duration scaled(long millis) {
		return Duration.ofNanos(Math.round(millis * 1_000_000 * this.latencyScale));
	}

	private static Message message(JsonNode node) {
		JsonNode content = node.path("content");
		String text;
		if (content.isArray()) {
			StringBuilder parts = new StringBuilder();
			content.values().forEach((part) -> parts.append(text(part.path("text"))));
			text = parts.toString();
		}
		else {
			text = text(content);
		}
		List<String> toolCalls = new ArrayList<>();
		node.path("tool_calls").values().forEach((call) -> toolCalls.add(text(call.path("function").path("name"))));
		return new Message(text(node.path("role")), text, toolCalls);
	}

	private static String truncate(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length);
	}

	private static String text(JsonNode node) {
		return node.isString() ? node.stringValue() : "";
	}

	/**
	 * A simulated completion.
	 *
	 * @param model the dated snapshot that answered
	 * @param content the text, {@code null} for a tool call
	 * @param toolCall the tool call, or {@code null}
	 * @param finishReason {@code stop}, {@code length} or {@code tool_calls}
	 * @param promptTokens input tokens, cached ones included
	 * @param completionTokens output tokens
	 * @param cachedTokens input tokens read from the prompt cache
	 * @param timeToFirstToken how long the model thinks before it answers
	 * @param interChunkDelay how long each further streamed piece takes
	 */
	public record Completion(String model, @Nullable String content, @Nullable ToolCall toolCall, String finishReason,
			int promptTokens, int completionTokens, int cachedTokens, Duration timeToFirstToken,
			Duration interChunkDelay) {

		/**
		 * The usage in wire format.
		 * @return the usage
		 */
		public OpenAiWire.Usage usage() {
			return new OpenAiWire.Usage(this.promptTokens, this.completionTokens,
					this.promptTokens + this.completionTokens, new OpenAiWire.PromptTokensDetails(this.cachedTokens),
					new OpenAiWire.CompletionTokensDetails(0));
		}

		/**
		 * How long the whole answer takes when it is not streamed: the time to the first
		 * token and one chunk delay per piece.
		 * @return the delay
		 */
		public Duration wholeAnswerDelay() {
			return this.timeToFirstToken.plus(this.interChunkDelay
				.multipliedBy((this.content != null) ? ChatSimulator.pieces(this.content).size() : 1));
		}

	}

	/**
	 * A simulated tool call.
	 *
	 * @param id the call id
	 * @param name the function to call
	 * @param arguments the JSON arguments
	 */
	public record ToolCall(String id, String name, String arguments) {
	}

	/**
	 * A message of the request.
	 *
	 * @param role its role
	 * @param text its text
	 * @param toolCalls the names of the tools it calls (an assistant's)
	 */
	private record Message(String role, String text, List<String> toolCalls) {
	}

	/**
	 * A category the classifier answers with.
	 *
	 * @param name the category
	 * @param keywords what in a question points to it
	 */
	private record Category(String name, Pattern keywords) {
	}

}
