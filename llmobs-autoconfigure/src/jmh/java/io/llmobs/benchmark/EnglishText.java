package io.llmobs.benchmark;

import java.util.Random;

import com.knuddels.jtokkit.api.Encoding;

/**
 * Deterministic, varied English prose for the context benchmarks: sentences from a dozen templates over a few hundred
 * words, numbers, names and places, so that it tokenizes like ordinary chat text (roughly one token per word).
 */
final class EnglishText {

	private static final String[] NAMES = { "Anna", "Ben", "Carla", "David", "Elif", "Farid", "Grace", "Hugo", "Ines",
			"Jonas", "Kira", "Lukas", "Maya", "Noah", "Olga", "Pavel", "Rosa", "Samir", "Tara", "Yusuf" };

	private static final String[] PLACES = { "Berlin", "Lisbon", "Warsaw", "Vienna", "Madrid", "Oslo", "Prague",
			"Hamburg", "Rotterdam", "Milan", "Lyon", "Zurich", "the warehouse", "the north office", "the main depot",
			"the customs office", "the train station", "the airport" };

	private static final String[] ADJECTIVES = { "large", "small", "damaged", "fragile", "heavy", "urgent", "late",
			"early", "new", "old", "cheap", "expensive", "reliable", "careful", "quiet", "busy", "careless", "blue",
			"green", "wooden", "metal", "second", "final", "missing", "extra", "standard", "express", "seasonal",
			"local", "international", "recent", "detailed", "simple", "complicated", "unusual", "typical" };

	private static final String[] NOUNS = { "parcel", "order", "invoice", "customer", "driver", "truck", "pallet",
			"package", "label", "refund", "address", "warehouse", "delivery", "shipment", "box", "letter", "route",
			"price", "discount", "receipt", "contract", "supplier", "schedule", "container", "manager", "report",
			"ticket", "question", "answer", "problem", "request", "payment", "account", "product", "item", "storm",
			"holiday", "weekend", "morning", "afternoon", "evening", "week", "month", "team", "colleague", "system" };

	private static final String[] PLURALS = { "parcels", "orders", "invoices", "customers", "drivers", "trucks",
			"pallets", "packages", "labels", "refunds", "boxes", "letters", "routes", "receipts", "containers",
			"reports", "tickets", "questions", "payments", "products", "items", "days", "hours", "minutes" };

	private static final String[] VERBS = { "check", "send", "deliver", "return", "pack", "weigh", "track", "cancel",
			"confirm", "update", "print", "scan", "load", "unload", "repair", "replace", "compare", "explain",
			"approve", "review", "store", "collect", "ship", "book", "change", "find" };

	private static final String[] VERBS_S = { "checks", "sends", "delivers", "returns", "packs", "weighs", "tracks",
			"cancels", "confirms", "updates", "prints", "scans", "loads", "unloads", "repairs", "replaces", "compares",
			"explains", "approves", "reviews", "stores", "collects", "ships", "books", "changes", "finds" };

	private static final String[] VERBS_PAST = { "checked", "sent", "delivered", "returned", "packed", "weighed",
			"tracked", "cancelled", "confirmed", "updated", "printed", "scanned", "loaded", "unloaded", "repaired",
			"replaced", "compared", "explained", "approved", "reviewed", "stored", "collected", "shipped", "booked",
			"changed", "found" };

	private static final String[] ADVERBS = { "quickly", "slowly", "carefully", "again", "already", "usually",
			"rarely", "finally", "probably", "certainly", "immediately", "later", "today", "yesterday", "tomorrow",
			"twice", "honestly", "properly" };

	private static final String[] PREPOSITIONS = { "to", "from", "near", "behind", "before", "after", "without",
			"with", "for", "under", "across", "through", "inside", "outside", "towards" };

	private static final String[] DETERMINERS = { "the", "a", "this", "that", "every", "our", "your", "their",
			"one" };

	private static final String[] WEEKDAYS = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" };

	private static final String[] CONNECTIVES = { "However,", "Meanwhile,", "As a result,", "In the end,",
			"To be fair,", "Unfortunately,", "Luckily,", "Of course,", "Besides,", "For example," };

	private final Random random;

	private final Encoding encoding;

	/**
	 * Creates a generator.
	 * @param seed the seed: the same seed gives the same text
	 * @param encoding the encoding that texts are sized with
	 */
	EnglishText(long seed, Encoding encoding) {
		this.random = new Random(seed);
		this.encoding = encoding;
	}

	/**
	 * A text of whole sentences with about {@code tokens} tokens (a few more or less).
	 * @param tokens the number of tokens aimed at
	 * @return the text
	 */
	String ofTokens(int tokens) {
		StringBuilder text = new StringBuilder();
		while (this.encoding.countTokensOrdinary(text.toString()) < tokens - 6) {
			if (!text.isEmpty()) {
				text.append(this.random.nextInt(6) == 0 ? "\n\n" : " ");
			}
			text.append(sentence());
		}
		return text.toString();
	}

	/**
	 * One sentence.
	 * @return the sentence, with its final punctuation
	 */
	String sentence() {
		return switch (this.random.nextInt(12)) {
			case 0 -> capitalize(pick(DETERMINERS)) + " " + pick(ADJECTIVES) + " " + pick(NOUNS) + " " + pick(VERBS_S)
					+ " " + pick(DETERMINERS) + " " + pick(NOUNS) + " " + pick(PREPOSITIONS) + " " + pick(PLACES) + ".";
			case 1 -> pick(NAMES) + " " + pick(VERBS_PAST) + " that the " + pick(NOUNS) + " would " + pick(VERBS)
					+ " " + pick(ADVERBS) + ", but the " + pick(ADJECTIVES) + " " + pick(NOUNS) + " was "
					+ pick(VERBS_PAST) + " " + pick(PREPOSITIONS) + " " + pick(PLACES) + ".";
			case 2 -> "Could you " + pick(VERBS) + " the " + pick(ADJECTIVES) + " " + pick(NOUNS) + " "
					+ pick(PREPOSITIONS) + " " + pick(PLACES) + " by " + pick(WEEKDAYS) + "?";
			case 3 -> "We " + pick(VERBS_PAST) + " " + number(2, 400) + " " + pick(PLURALS) + " last "
					+ pick(NOUNS) + ", and " + number(1, 40) + " of them were " + pick(ADJECTIVES) + ".";
			case 4 -> "In " + pick(PLACES) + ", " + pick(DETERMINERS) + " " + pick(NOUNS) + " " + pick(VERBS_S) + " "
					+ pick(ADVERBS) + " when " + pick(DETERMINERS) + " " + pick(ADJECTIVES) + " " + pick(NOUNS) + " "
					+ pick(VERBS_S) + ".";
			case 5 -> "Please note that the " + pick(NOUNS) + " costs " + number(3, 900) + "." + number(10, 99)
					+ " EUR and takes " + number(1, 14) + " " + pick(PLURALS) + " to " + pick(VERBS) + ".";
			case 6 -> pick(CONNECTIVES) + " " + pick(NAMES) + " and " + pick(NAMES) + " " + pick(VERBS_PAST) + " "
					+ pick(DETERMINERS) + " " + pick(ADJECTIVES) + " " + pick(NOUNS) + " " + pick(ADVERBS) + ".";
			case 7 -> "Order #" + number(10_000, 99_999) + " was " + pick(VERBS_PAST) + " on " + pick(WEEKDAYS)
					+ " at " + number(6, 21) + ":" + number(10, 59) + ", " + pick(ADVERBS) + " " + pick(PREPOSITIONS)
					+ " " + pick(PLACES) + ".";
			case 8 -> "Why did the " + pick(NOUNS) + " " + pick(VERBS) + " " + pick(DETERMINERS) + " "
					+ pick(ADJECTIVES) + " " + pick(NOUNS) + " " + pick(PREPOSITIONS) + " " + pick(PLACES) + "?";
			case 9 -> "If " + pick(DETERMINERS) + " " + pick(NOUNS) + " is " + pick(ADJECTIVES) + ", " + pick(NAMES)
					+ " " + pick(VERBS_S) + " it " + pick(ADVERBS) + " and " + pick(VERBS_S) + " the "
					+ pick(NOUNS) + ".";
			case 10 -> "The " + pick(NOUNS) + " from " + pick(NAMES) + " (" + number(2, 60) + " kg, "
					+ pick(ADJECTIVES) + ") " + pick(VERBS_S) + " " + pick(PREPOSITIONS) + " " + pick(PLACES) + ".";
			default -> capitalize(pick(ADVERBS)) + ", " + pick(NAMES) + " will " + pick(VERBS) + " "
					+ number(2, 30) + " " + pick(ADJECTIVES) + " " + pick(PLURALS) + " for the "
					+ pick(NOUNS) + ".";
		};
	}

	private String pick(String[] words) {
		return words[this.random.nextInt(words.length)];
	}

	private int number(int from, int to) {
		return from + this.random.nextInt(to - from + 1);
	}

	private static String capitalize(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

}
