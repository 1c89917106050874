package io.llmobs.context;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.knuddels.jtokkit.api.EncodingType;
import io.llmobs.core.RecentByIdentity;

import org.springframework.ai.tool.definition.DefaultToolDefinition;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * Counts tokens with OpenAI's encodings (jtokkit's vocabularies in a compact table,
 * {@link CompactBytePairEncoding}) and remembers the count of every text in a bounded
 * cache, so a conversation that grows by one message is never tokenized again from the
 * start. An encoding is loaded when first needed; {@code o200k_base}, the one most models
 * use, at start-up on the background executor.
 * <p>
 * Tokenizing costs about a quarter of a microsecond per token, far more than the rest of
 * the instrumentation of a call, so the request path only looks counts up
 * ({@link #cachedCount}): a text not seen before is tokenized on a background executor
 * while the provider works, and estimated from its length until then. New texts are
 * queued and drained by one task at a time, so a busy application wakes the executor once
 * per batch, not once per text. {@link #count} tokenizes on the caller's thread, for the
 * block guard, which must be exact before sending.
 */
final class TokenCounter implements AutoCloseable {

	/**
	 * Objects whose counts are remembered by identity: a few hundred kilobytes with every
	 * slot used.
	 */
	static final int RECENT_SLOTS = 4096;

	/**
	 * Characters per token assumed before any text was counted: about right for English.
	 */
	private static final double INITIAL_CHARS_PER_TOKEN = 4.0;

	/** The encodings in use, each loaded when first needed. */
	private final Map<EncodingType, CompactBytePairEncoding> encodings = new ConcurrentHashMap<>();

	private final Cache<Key, Integer> counts;

	/**
	 * Counts of the texts and tool definitions looked up last, by identity, in front of
	 * the cache: most lookups end there, without hashing the text, reading the clock or
	 * updating the cache's access order.
	 */
	private final RecentByIdentity<RecentCount> recent = new RecentByIdentity<>(RECENT_SLOTS);

	private final ExecutorService executor;

	private final Set<Key> pending = ConcurrentHashMap.newKeySet();

	private final Queue<Key> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final int queueCapacity;

	private final AtomicBoolean draining = new AtomicBoolean();

	private final Map<EncodingType, TextRatio> ratios = new EnumMap<>(EncodingType.class);

	private final LongAdder dropped = new LongAdder();

	/**
	 * Creates a counter.
	 * @param maximumSize how many texts the cache keeps at most
	 * @param expireAfterAccess how long a text stays cached after it was last looked up
	 * @param queueCapacity how many texts may wait for the background tokenizer; beyond,
	 * new texts are only estimated
	 * @param executor where texts not yet cached are tokenized, one task at a time: owned
	 * by the counter from now on and shut down when it is closed
	 */
	TokenCounter(long maximumSize, Duration expireAfterAccess, int queueCapacity, ExecutorService executor) {
		this.counts = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(expireAfterAccess).build();
		this.queueCapacity = queueCapacity;
		this.executor = executor;
		for (EncodingType type : EncodingType.values()) {
			this.ratios.put(type, new TextRatio());
		}
		// Loading an encoding's vocabulary takes about half a second: do it now, off the
		// request path.
		executor.execute(() -> encoding(EncodingType.O200K_BASE));
	}

	/**
	 * The exact token count of a text, tokenized on the caller's thread unless cached.
	 * @param encoding the encoding
	 * @param text the text
	 * @param form how the text travels to the provider
	 * @return the number of tokens
	 */
	public int count(EncodingType encoding, String text, Form form) {
		int count = recentCount(encoding, text, form);
		return (count >= 0) ? count : count(new TextKey(encoding, text, form), text);
	}

	/**
	 * The exact token count of a tool definition (name, description and compact schema),
	 * tokenized on the caller's thread unless cached.
	 * @param encoding the encoding
	 * @param tool the tool definition
	 * @return the number of tokens
	 */
	public int count(EncodingType encoding, ToolDefinition tool) {
		int count = recentCount(encoding, tool);
		return (count >= 0) ? count : count(ToolKey.of(encoding, tool), tool);
	}

	private int count(Key key, Object object) {
		Integer count = this.counts.getIfPresent(key);
		return remember(object, key, (count != null) ? count : tokenize(key));
	}

	/**
	 * The cached token count of a text; when there is none, the text is tokenized in the
	 * background.
	 * @param encoding the encoding
	 * @param text the text
	 * @param form how the text travels to the provider
	 * @return the number of tokens, or {@code -1} when the text is not counted yet
	 */
	public int cachedCount(EncodingType encoding, String text, Form form) {
		if (text.isEmpty()) {
			return 0;
		}
		int count = recentCount(encoding, text, form);
		return (count >= 0) ? count : cachedCount(new TextKey(encoding, text, form), text);
	}

	/**
	 * The cached token count of a tool definition (name, description and compact schema),
	 * one lookup for all three; when there is none, it is tokenized in the background.
	 * @param encoding the encoding
	 * @param tool the tool definition
	 * @return the number of tokens, or {@code -1} when the definition is not counted yet
	 */
	public int cachedCount(EncodingType encoding, ToolDefinition tool) {
		int count = recentCount(encoding, tool);
		return (count >= 0) ? count : cachedCount(ToolKey.of(encoding, tool), tool);
	}

	private int cachedCount(Key key, Object object) {
		Integer count = this.counts.getIfPresent(key);
		if (count != null) {
			return remember(object, key, count);
		}
		if (this.pending.contains(key) || !enqueue(key) || this.pending.contains(key)) {
			return -1;
		}
		// Queued and no longer pending: counted already, by an executor that runs on the
		// caller's thread or by one quicker than this thread.
		count = this.counts.getIfPresent(key);
		return (count != null) ? remember(object, key, count) : -1;
	}

	/** The count of a text from the identity table, or {@code -1}. */
	private int recentCount(EncodingType encoding, String text, Form form) {
		RecentCount recent = this.recent.get(text);
		return (recent != null && recent.encoding() == encoding && recent.form() == form) ? recent.tokens() : -1;
	}

	/**
	 * The count of a tool definition from the identity table, or {@code -1}: only Spring
	 * AI's own, which are immutable, are kept there.
	 */
	private int recentCount(EncodingType encoding, ToolDefinition tool) {
		if (!(tool instanceof DefaultToolDefinition)) {
			return -1;
		}
		RecentCount recent = this.recent.get(tool);
		return (recent != null && recent.encoding() == encoding) ? recent.tokens() : -1;
	}

	/**
	 * Keeps the count of a text or an immutable tool definition in the identity table.
	 */
	private int remember(Object object, Key key, int count) {
		if (key instanceof TextKey text) {
			this.recent.put(object, new RecentCount(text.encoding(), text.form(), count));
		}
		else if (object instanceof DefaultToolDefinition) {
			// A tool definition travels as JSON; its form is not checked on lookup.
			this.recent.put(object, new RecentCount(key.encoding(), Form.JSON, count));
		}
		return count;
	}

	/**
	 * Queues a text for the background tokenizer.
	 * @return {@code false} when the queue was full or the text was queued already by
	 * another thread
	 */
	private boolean enqueue(Key key) {
		if (this.queued.incrementAndGet() > this.queueCapacity) {
			this.queued.decrementAndGet();
			this.dropped.increment();
			return false;
		}
		if (!this.pending.add(key)) {
			this.queued.decrementAndGet();
			return false;
		}
		this.queue.add(key);
		if (this.draining.compareAndSet(false, true)) {
			try {
				this.executor.execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				// Closed: what is queued stays estimated.
				this.draining.set(false);
			}
		}
		return true;
	}

	/** Tokenizes the queued texts until none is left; only one drain runs at a time. */
	private void drain() {
		do {
			Key key;
			while ((key = this.queue.poll()) != null) {
				try {
					tokenize(key);
				}
				finally {
					this.pending.remove(key);
					this.queued.decrementAndGet();
				}
			}
			this.draining.set(false);
		}
		while (!this.queue.isEmpty() && this.draining.compareAndSet(false, true));
	}

	/**
	 * Whether a text is counted now, without queueing it.
	 * @param encoding the encoding
	 * @param text the text
	 * @param form how the text travels to the provider
	 * @return whether its count is cached
	 */
	boolean isCounted(EncodingType encoding, String text, Form form) {
		return recentCount(encoding, text, form) >= 0
				|| this.counts.getIfPresent(new TextKey(encoding, text, form)) != null;
	}

	/**
	 * Whether a tool definition is counted now, without queueing it.
	 * @param encoding the encoding
	 * @param tool the tool definition
	 * @return whether its count is cached
	 */
	boolean isCounted(EncodingType encoding, ToolDefinition tool) {
		return recentCount(encoding, tool) >= 0 || this.counts.getIfPresent(ToolKey.of(encoding, tool)) != null;
	}

	/**
	 * An estimate of a text's tokens from its length, at the characters per token seen so
	 * far.
	 * @param encoding the encoding
	 * @param text the text
	 * @return the estimated number of tokens
	 */
	public int estimate(EncodingType encoding, String text) {
		return estimate(encoding, text.length());
	}

	/**
	 * An estimate of a tool definition's tokens from its length.
	 * @param encoding the encoding
	 * @param tool the tool definition
	 * @return the estimated number of tokens
	 */
	public int estimate(EncodingType encoding, ToolDefinition tool) {
		return estimate(encoding, ToolKey.of(encoding, tool).length());
	}

	private int estimate(EncodingType encoding, int length) {
		return (int) Math.ceil(length / ratio(encoding).charsPerToken());
	}

	/**
	 * How many texts the cache holds.
	 * @return the approximate number of cached counts
	 */
	public long cachedTexts() {
		return this.counts.estimatedSize();
	}

	/**
	 * How many texts wait to be tokenized in the background.
	 * @return the number of pending texts
	 */
	public int pendingTexts() {
		return this.queued.get();
	}

	/**
	 * How many texts were not tokenized in the background because its queue was full;
	 * they were estimated.
	 * @return the number of dropped texts since start
	 */
	public long droppedTexts() {
		return this.dropped.sum();
	}

	/** Stops the background tokenizer; texts it had not counted yet are dropped. */
	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	private int tokenize(Key key) {
		int count = key.tokenize(this);
		this.counts.put(key, count);
		return count;
	}

	/** Counts one text and learns its characters per token. */
	private int tokenize(EncodingType type, String text) {
		// Ordinary: text such as "<|endoftext|>" in user content is counted as text, not
		// refused.
		int count = encoding(type).count(text);
		ratio(type).add(text.length(), count);
		return count;
	}

	private TextRatio ratio(EncodingType type) {
		return Objects.requireNonNull(this.ratios.get(type));
	}

	private CompactBytePairEncoding encoding(EncodingType type) {
		return this.encodings.computeIfAbsent(type, CompactBytePairEncoding::load);
	}

	/**
	 * JSON without the whitespace between tokens, as providers send schemas; strings are
	 * kept as they are.
	 */
	static String compact(String json) {
		StringBuilder compact = new StringBuilder(json.length());
		boolean inString = false;
		boolean escaped = false;
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			if (inString) {
				if (escaped) {
					escaped = false;
				}
				else if (c == '\\') {
					escaped = true;
				}
				else if (c == '"') {
					inString = false;
				}
			}
			else if (c == '"') {
				inString = true;
			}
			else if (Character.isWhitespace(c)) {
				continue;
			}
			compact.append(c);
		}
		return compact.toString();
	}

	/** How a text travels to the provider. */
	public enum Form {

		/** As it is: message contents, tool results, descriptions. */
		TEXT,

		/** As compact JSON, whatever its layout here: tool schemas. */
		JSON

	}

	/** What the cache counts. */
	private sealed interface Key permits TextKey, ToolKey {

		EncodingType encoding();

		int tokenize(TokenCounter counter);

	}

	private record TextKey(EncodingType encoding, String text, Form form) implements Key {

		@Override
		public int tokenize(TokenCounter counter) {
			return counter.tokenize(this.encoding, (this.form == Form.JSON) ? compact(this.text) : this.text);
		}

	}

	private record ToolKey(EncodingType encoding, String name, String description, String schema) implements Key {

		static ToolKey of(EncodingType encoding, ToolDefinition tool) {
			String description = tool.description();
			return new ToolKey(encoding, tool.name(), (description != null) ? description : "", tool.inputSchema());
		}

		int length() {
			return this.name.length() + this.description.length() + this.schema.length();
		}

		@Override
		public int tokenize(TokenCounter counter) {
			return counter.tokenize(this.encoding, this.name) + counter.tokenize(this.encoding, this.description)
					+ counter.tokenize(this.encoding, compact(this.schema));
		}

	}

	/** A count in the identity table, with what it was counted for. */
	private record RecentCount(EncodingType encoding, Form form, int tokens) {
	}

	/** Characters per token of all texts counted with one encoding. */
	private static final class TextRatio {

		private final LongAdder chars = new LongAdder();

		private final LongAdder tokens = new LongAdder();

		void add(int chars, int tokens) {
			this.chars.add(chars);
			this.tokens.add(tokens);
		}

		double charsPerToken() {
			long tokens = this.tokens.sum();
			return (tokens > 0) ? Math.max(1.0, (double) this.chars.sum() / tokens) : INITIAL_CHARS_PER_TOKEN;
		}

	}

}
