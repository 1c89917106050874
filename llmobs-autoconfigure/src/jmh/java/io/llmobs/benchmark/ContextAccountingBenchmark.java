package io.llmobs.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.llmobs.context.ContextAccount;
import io.llmobs.context.ContextAccountant;
import io.llmobs.context.ContextInstrumentation;
import io.llmobs.context.ContextSection;
import io.llmobs.context.ContextStats;
import io.llmobs.test.InMemoryChatModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the context-window accounting costs, against what it saves:
 * <ul>
 * <li>{@code scratch}: tokenizing a conversation of 500 messages of ~200 tokens (~100k tokens) from scratch with
 * jtokkit {@code o200k_base}, no cache: what counting every prompt anew would cost per call;</li>
 * <li>{@code growing}: the same conversation growing by one new ~200-token message per call, accounted exactly by
 * {@link ContextAccountant#accountExactly} (the block guard's path: the new message is tokenized on the caller's
 * thread, the history comes from the cache);</li>
 * <li>{@code growingDefaultPath}: the same growth on the default path, {@link ContextAccountant#start} and
 * {@link ContextAccountant#account} on a fresh {@link ChatModelObservationContext} as the observation handler does:
 * the new message is estimated from its length on the caller's thread and tokenized in the background;</li>
 * <li>{@code typicalPrompt}: one default-path accounting of a ~2k-token prompt (a ~1200-token system prompt, three
 * tool schemas, two history messages and a new question), and {@code typicalPromptRepeated}, the same with questions
 * from a pool of 20 that are all cached.</li>
 * </ul>
 * The growing conversation starts from the 500 cached messages and drops what was appended after 100 calls, so the
 * state stays bounded; appended texts are always new (they carry an ever-increasing number).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class ContextAccountingBenchmark {

	/** The model of every prompt: {@code o200k_base}, a 128k window in the bundled catalog. */
	static final String MODEL = InMemoryChatModel.REQUEST_MODEL;

	static final int BASE_MESSAGES = 500;

	static final int MESSAGE_TOKENS = 200;

	/** Appended messages after which the conversation starts again from its base. */
	static final int MAX_APPENDED = 100;

	/**
	 * The cache of the growing conversation: the 600 texts in use plus all those appended in a trial, so that
	 * nothing is ever evicted and re-tokenized.
	 */
	static final long GROWING_CACHE_SIZE = 1_000_000;

	/** The conversation and its texts, generated once per trial. */
	@State(Scope.Benchmark)
	public static class Conversation {

		Encoding encoding;

		List<String> texts;

		List<Message> messages;

		/** Bodies of the appended messages; each appended text is a new number and one of these. */
		String[] bodies;

		@Setup(Level.Trial)
		public void setUp() {
			this.encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
			EnglishText english = new EnglishText(20261123L, this.encoding);
			this.texts = new ArrayList<>(BASE_MESSAGES);
			this.messages = new ArrayList<>(BASE_MESSAGES);
			long tokens = 0;
			for (int i = 0; i < BASE_MESSAGES; i++) {
				String text = english.ofTokens(MESSAGE_TOKENS);
				tokens += this.encoding.countTokensOrdinary(text);
				this.texts.add(text);
				this.messages.add((i % 2 == 0) ? new UserMessage(text) : new AssistantMessage(text));
			}
			require(tokens > 95_000 && tokens < 110_000, "the conversation has " + tokens + " tokens, not ~100k");
			this.bodies = new String[64];
			for (int i = 0; i < this.bodies.length; i++) {
				this.bodies[i] = english.ofTokens(MESSAGE_TOKENS - 4);
			}
		}

		/** A message text never seen before, of ~200 tokens. */
		String newText(long number) {
			return "Message " + number + ": " + this.bodies[(int) (number % this.bodies.length)];
		}

	}

	/** The conversation growing message by message over a cache that holds its history. */
	@State(Scope.Thread)
	public static class Growing {

		ConfigurableApplicationContext application;

		ContextStats stats;

		ContextAccountant accountant;

		Conversation conversation;

		ChatOptions options;

		ArrayList<Message> messages;

		long next;

		@Setup(Level.Trial)
		public void setUp(Conversation conversation) {
			this.conversation = conversation;
			this.application = BenchmarkApplication.start(true, false,
					"llmobs.context.cache.max-size=" + GROWING_CACHE_SIZE);
			this.stats = this.application.getBean(ContextStats.class);
			this.accountant = this.application.getBean(ContextInstrumentation.class).accountant();
			this.options = ChatOptions.builder().model(MODEL).build();
			this.messages = new ArrayList<>(BASE_MESSAGES + MAX_APPENDED);
			this.messages.addAll(conversation.messages);
			// The history is cached, as after the calls that built it.
			ContextAccount account = this.accountant.accountExactly(new ChatClientRequest(grow(), Map.of()));
			require(account.window() != null && account.utilization() > 0.5,
					"no context window for " + MODEL + " or too small a conversation: " + account);
		}

		/** The conversation with one new message appended. */
		Prompt grow() {
			if (this.messages.size() == BASE_MESSAGES + MAX_APPENDED) {
				this.messages.subList(BASE_MESSAGES, this.messages.size()).clear();
			}
			this.messages.add(new UserMessage(this.conversation.newText(this.next++)));
			return new Prompt(this.messages, this.options);
		}

		@TearDown(Level.Trial)
		public void tearDown(BenchmarkParams benchmark) {
			report(benchmark, this.stats, this.next);
			this.application.close();
		}

	}

	/** A typical prompt of ~2k tokens whose system prompt, tools and history are cached. */
	@State(Scope.Thread)
	public static class Typical {

		static final int QUESTIONS = 20;

		ConfigurableApplicationContext application;

		ContextStats stats;

		ContextAccountant accountant;

		SystemMessage system;

		Message previousQuestion;

		Message previousAnswer;

		ToolCallingChatOptions options;

		String[] questions;

		long next;

		@Setup(Level.Trial)
		public void setUp() {
			this.application = BenchmarkApplication.start(true, false);
			this.stats = this.application.getBean(ContextStats.class);
			this.accountant = this.application.getBean(ContextInstrumentation.class).accountant();
			EnglishText english = new EnglishText(42L,
					Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE));
			this.system = new SystemMessage("You are the customer support assistant of a parcel delivery company. "
					+ "Answer briefly and use the tools for prices, tracking and products.\n\n"
					+ english.ofTokens(1180));
			this.previousQuestion = new UserMessage("Hello, my parcel to Lisbon has not arrived yet. "
					+ "It was sent last Tuesday with express delivery. Can you check where it is? " + "Order #48213.");
			this.previousAnswer = new AssistantMessage(english.ofTokens(150));
			this.options = ToolCallingChatOptions.builder().model(MODEL).toolCallbacks(Tools.all()).build();
			this.questions = new String[QUESTIONS];
			for (int i = 0; i < QUESTIONS; i++) {
				this.questions[i] = question(i);
			}
			// Everything but new questions is cached, as after the first calls.
			ContextAccount account = null;
			for (String question : this.questions) {
				account = this.accountant.accountExactly(new ChatClientRequest(prompt(question), Map.of()));
			}
			long tools = account.sections().get(ContextSection.TOOL_DEFINITIONS);
			require(account.tokens() > 1800 && account.tokens() < 2300 && tools > 400 && tools < 650
					&& account.window() != null, "not a typical ~2k-token prompt: " + account);
			System.out.println("Typical prompt: " + account.tokens() + " tokens (" + account.sections() + ")");
		}

		Prompt prompt(String question) {
			return new Prompt(List.of(this.system, this.previousQuestion, this.previousAnswer, new UserMessage(question)),
					this.options);
		}

		static String question(long number) {
			return "Thanks. And what would shipping a 12 kg parcel to Berlin cost, order " + number + "?";
		}

		@TearDown(Level.Trial)
		public void tearDown(BenchmarkParams benchmark) {
			report(benchmark, this.stats, this.next);
			this.application.close();
		}

	}

	@Benchmark
	public void scratch(Conversation conversation, Blackhole blackhole) {
		long tokens = 0;
		for (String text : conversation.texts) {
			tokens += conversation.encoding.countTokensOrdinary(text);
		}
		blackhole.consume(tokens);
	}

	@Benchmark
	public void growing(Growing state, Blackhole blackhole) {
		blackhole.consume(state.accountant.accountExactly(new ChatClientRequest(state.grow(), Map.of())));
	}

	@Benchmark
	public void growingDefaultPath(Growing state, Blackhole blackhole) {
		blackhole.consume(accountDefaultPath(state.accountant, state.grow()));
	}

	@Benchmark
	public void typicalPrompt(Typical state, Blackhole blackhole) {
		Prompt prompt = state.prompt(Typical.question(Typical.QUESTIONS + state.next++));
		blackhole.consume(accountDefaultPath(state.accountant, prompt));
	}

	@Benchmark
	public void typicalPromptRepeated(Typical state, Blackhole blackhole) {
		Prompt prompt = state.prompt(state.questions[(int) (state.next++ % Typical.QUESTIONS)]);
		blackhole.consume(accountDefaultPath(state.accountant, prompt));
	}

	/** What {@code ContextObservationHandler} does with a model call: count at the start, account at the stop. */
	static ContextAccount accountDefaultPath(ContextAccountant accountant, Prompt prompt) {
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(prompt)
			.provider(InMemoryChatModel.PROVIDER)
			.build();
		accountant.start(context);
		return accountant.account(context);
	}

	/**
	 * Prints the state of the token cache after a trial: whether the background tokenizer kept up with the new texts
	 * (pending), or had to drop some because its queue was full (dropped: estimated, counted again when next seen).
	 */
	private static void report(BenchmarkParams benchmark, ContextStats stats, long calls) {
		String name = benchmark.getBenchmark().substring(benchmark.getBenchmark().lastIndexOf('.') + 1);
		ContextStats.CacheState cache = stats.snapshot().cache();
		System.out.println();
		System.out.println(name + ": " + calls + " calls, " + cache.texts() + " texts cached, " + cache.pending()
				+ " pending, " + cache.dropped() + " dropped by the tokenizer queue");
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

	/** Three tools with JSON schemas as Spring AI sends them, ~500 tokens with their names and descriptions. */
	static final class Tools {

		private Tools() {
		}

		static List<ToolCallback> all() {
			return List.of(tool("get_shipping_quote",
					"Returns the price and the delivery time of shipping a parcel from the company's depot to a "
							+ "destination, for each service level the destination offers. Use it whenever the "
							+ "customer asks what shipping costs or how long it takes.",
					"""
							{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",\
							"properties":{"destinationCity":{"type":"string","description":"The city the parcel \
							goes to, e.g. Berlin"},"destinationCountry":{"type":"string","description":"ISO 3166-1 \
							alpha-2 code of the destination country, e.g. DE"},"weightKg":{"type":"number",\
							"description":"The weight of the parcel in kilograms","minimum":0.1,"maximum":70},\
							"dimensionsCm":{"type":"object","description":"Outer dimensions of the parcel in \
							centimetres","properties":{"length":{"type":"number"},"width":{"type":"number"},\
							"height":{"type":"number"}},"required":["length","width","height"]},"service":\
							{"type":"string","enum":["economy","standard","express","same_day"],"description":\
							"The service level; all levels when omitted"}},"required":["destinationCity",\
							"destinationCountry","weightKg"],"additionalProperties":false}"""),
					tool("track_order",
							"Looks up an order by its number and returns its status, the current location of "
									+ "its parcels and the expected delivery date.",
							"""
									{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",\
									"properties":{"orderNumber":{"type":"string","description":"The order number, \
									five digits, with or without a leading #"},"includeHistory":{"type":"boolean",\
									"description":"Whether to return every scan event of the parcels, not only the \
									last one"}},"required":["orderNumber"],"additionalProperties":false}"""),
					tool("search_products",
							"Searches the catalog of packaging products (boxes, envelopes, tape, labels) and "
									+ "returns matching products with their prices and stock.",
							"""
									{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",\
									"properties":{"query":{"type":"string","description":"Free text, e.g. \
									'padded envelope A4'"},"category":{"type":"string","enum":["boxes",\
									"envelopes","tape","labels","fillers"]},"maxPrice":{"type":"number",\
									"description":"The highest unit price in EUR"},"inStockOnly":{"type":"boolean",\
									"description":"Whether to return only products in stock"},"limit":{"type":\
									"integer","minimum":1,"maximum":50,"description":"How many products to return \
									at most"}},"required":["query"],"additionalProperties":false}"""));
		}

		private static ToolCallback tool(String name, String description, String inputSchema) {
			ToolDefinition definition = ToolDefinition.builder()
				.name(name)
				.description(description)
				.inputSchema(inputSchema)
				.build();
			return new ToolCallback() {

				@Override
				public ToolDefinition getToolDefinition() {
					return definition;
				}

				@Override
				public String call(String toolInput) {
					return "{}";
				}

			};
		}

	}

}
