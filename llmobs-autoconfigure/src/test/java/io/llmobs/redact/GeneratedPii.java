package io.llmobs.redact;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.StringArbitrary;

/**
 * Generators of the built-in PII types, of the contexts a value is written in, of the
 * text around it, and of look-alikes that are no PII. Written from the formats'
 * specifications (Luhn, mod-97, E.164, RFC 5321, RFC 4291, key prefixes), not from the
 * detector.
 */
final class GeneratedPii {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private static final String DIGITS = "0123456789";

	private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

	private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

	private static final String ALNUM = DIGITS + UPPER + LOWER;

	private static final String HEX = "0123456789abcdef";

	private GeneratedPii() {
	}

	/**
	 * A value to find: what stays in front of it ({@code Bearer }), the value, and its
	 * type.
	 */
	record Pii(String type, String lead, String value) {

		@Override
		public String toString() {
			return this.type + " '" + this.lead + this.value + "'";
		}

	}

	/** How a value is written into a text: what comes right before and right after it. */
	record Context(String name, String open, String close) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	/** The text before and after the context; empty at the start or end of a line. */
	record Surrounding(String before, String after) {

	}

	/** A look-alike: a string of some kind that holds no PII. */
	record NearMiss(String kind, String value) {

		@Override
		public String toString() {
			return this.kind + " '" + this.value + "'";
		}

	}

	/** A value written in a context amid other text. */
	record Written(Pii pii, Context context, Surrounding around) {

		String text() {
			return prefix() + this.pii.value() + suffix();
		}

		/** The text with the value, and nothing else, replaced by its placeholder. */
		String redacted() {
			return prefix() + PiiTypes.placeholder(this.pii.type()) + suffix();
		}

		PiiEntity entity() {
			int start = prefix().length();
			return new PiiEntity(this.pii.type(), start, start + this.pii.value().length());
		}

		private String prefix() {
			return this.around.before() + this.context.open() + this.pii.lead();
		}

		private String suffix() {
			return this.context.close() + this.around.after();
		}

		@Override
		public String toString() {
			return this.pii + " in " + this.context + ": " + text();
		}

	}

	/** A look-alike written in a context amid other text. */
	record WrittenNearMiss(NearMiss nearMiss, Context context, Surrounding around) {

		String text() {
			return this.around.before() + this.context.open() + this.nearMiss.value() + this.context.close()
					+ this.around.after();
		}

		@Override
		public String toString() {
			return this.nearMiss + " in " + this.context + ": " + text();
		}

	}

	static Arbitrary<Written> written(Arbitrary<Pii> values) {
		return Combinators.combine(values, anyContext(), surroundings()).as(Written::new);
	}

	static Arbitrary<WrittenNearMiss> writtenNearMiss(Arbitrary<NearMiss> values) {
		return Combinators.combine(values, anyContext(), surroundings()).as(WrittenNearMiss::new);
	}

	/**
	 * The generators of each built-in type.
	 * @return generators by type
	 */
	static Map<String, Arbitrary<Pii>> byType() {
		// Sorted: Map.of iterates in an order that changes from one JVM to the next, and
		// so would the samples.
		return new TreeMap<>(
				Map.of(PiiTypes.EMAIL, emails(), PiiTypes.PHONE, phones(), PiiTypes.CREDIT_CARD, cards(), PiiTypes.IBAN,
						ibans(), PiiTypes.SSN, ssns(), PiiTypes.IP_ADDRESS, ipAddresses(), PiiTypes.SECRET, secrets()));
	}

	private static List<Context> contexts() {
		return List.of(new Context("bare", "", ""), new Context("parentheses", "(", ")"),
				new Context("parentheses and comma", "(", "),"), new Context("double parentheses", "((", "))"),
				new Context("brackets", "[", "]"), new Context("braces", "{", "}"),
				new Context("angle brackets", "<", ">"), new Context("single quotes", "'", "'"),
				new Context("double quotes", "\"", "\""), new Context("backticks", "`", "`"),
				new Context("typographic quotes", "\u201c", "\u201d"), new Context("guillemets", "\u00ab", "\u00bb"),
				new Context("markdown italics", "*", "*"), new Context("markdown bold", "**", "**"),
				new Context("markdown underscores", "_", "_"), new Context("markdown double underscores", "__", "__"),
				new Context("markdown strike-through", "~~", "~~"), new Context("code fence", "```\n", "\n```"),
				new Context("json string", "{\"value\":\"", "\"}"), new Context("json array", "[\"", "\", \"x\"]"),
				new Context("key=value", "value=", ""), new Context("key: value", "value: ", ""),
				new Context("key:\\tvalue", "value:\t", ""),
				new Context("url query", "https://shop.example.com/orders?id=42&value=", "&lang=en"),
				new Context("after slash", "/", ""), new Context("path", "/customers/", "?page=2"),
				new Context("full stop", "", "."), new Context("comma", "", ","), new Context("semicolon", "", ";"),
				new Context("colon", "", ":"), new Context("exclamation mark", "", "!"),
				new Context("question mark", "", "?"), new Context("ellipsis", "", "..."),
				new Context("parenthesis and full stop", "(", ")."), new Context("html", "<td>", "</td>"),
				new Context("tab", "\t", "\t"));
	}

	private static Arbitrary<Context> anyContext() {
		return Arbitraries.of(contexts());
	}

	private static Arbitrary<Surrounding> surroundings() {
		Arbitrary<String> phrases = Arbitraries.of("Hi, it's me again", "where is my refund?", "Thanks!",
				"Order 7 shipped on 2024-11-25.", "Ticket #4411 is still open:", "See line 3", "call me after 5 pm",
				"please update the record", "Ça marche, merci", "Der Betrag ist 12,50 EUR.", "version 2.4.1 is live",
				"ok", "Sent at 14:30", "My details", "Total: $1,234.56");
		Arbitrary<String> before = Combinators.combine(phrases, Arbitraries.of(" ", "\n", " - ", ": "))
			.as((phrase, gap) -> phrase + gap);
		Arbitrary<String> after = Combinators.combine(Arbitraries.of(" ", "\n", " and "), phrases)
			.as((gap, phrase) -> gap + phrase);
		return Combinators
			.combine(Arbitraries.oneOf(Arbitraries.just(""), before), Arbitraries.oneOf(Arbitraries.just(""), after))
			.as(Surrounding::new);
	}

	// E-mail: dot-atoms of RFC 5321 with the characters people use, domains at delegated
	// top-level domains.

	static Arbitrary<Pii> emails() {
		Arbitrary<String> atom = Combinators
			.combine(chars(LOWER + DIGITS, 1, 10), Arbitraries.of("", "", "", "_", "-", "+"),
					chars(LOWER + DIGITS, 0, 6))
			.as((head, joint, tail) -> tail.isEmpty() ? head : head + joint + tail);
		Arbitrary<String> local = atom.list().ofMinSize(1).ofMaxSize(3).map((atoms) -> String.join(".", atoms));
		Arbitrary<String> label = Combinators
			.combine(chars(LOWER + DIGITS, 1, 10), Arbitraries.of("", "", "-"), chars(LOWER + DIGITS, 1, 5))
			.as((head, joint, tail) -> joint.isEmpty() ? head : head + joint + tail);
		Arbitrary<String> domain = Combinators
			.combine(label.list().ofMinSize(1).ofMaxSize(2),
					Arbitraries.of("com", "org", "net", "io", "de", "co.uk", "fr", "dev", "app", "info", "ch"))
			.as((labels, tld) -> String.join(".", labels) + "." + tld);
		return Combinators.combine(local, domain)
			.as((l, d) -> l + "@" + d)
			.flatMap((address) -> Arbitraries.of(address, address, address.toUpperCase(Locale.ROOT)))
			.map((address) -> new Pii(PiiTypes.EMAIL, "", address));
	}

	// Phones: E.164 numbers of many countries, assigned ranges or not, in the usual
	// notations; US national numbers.

	static Arbitrary<Pii> phones() {
		return Arbitraries.frequencyOf(Tuple.of(3, internationalPhones()), Tuple.of(1, usNationalPhones()))
			.map((number) -> new Pii(PiiTypes.PHONE, "", number));
	}

	/**
	 * A country calling code and a national number of the length of the country's example
	 * number, starting like it (a NANP number with an area code of 2xx), then a digit
	 * other than zero, then random digits: most of these are not assigned, libphonenumber
	 * calls them invalid.
	 */
	private static Arbitrary<String> internationalPhones() {
		Arbitrary<String> region = Arbitraries.of("US", "CA", "GB", "DE", "FR", "ES", "IT", "NL", "BE", "CH", "AT",
				"SE", "PL", "IE", "PT", "IN", "BR", "MX", "JP", "AU", "ZA", "SG");
		return region.flatMap((code) -> {
			String example = PHONES.getNationalSignificantNumber(PHONES.getExampleNumber(code));
			int countryCode = PHONES.getCountryCodeForRegion(code);
			Arbitrary<String> national = Combinators
				.combine(chars("123456789", 1, 1), chars(DIGITS, example.length() - 2, example.length() - 2))
				.as((second, rest) -> ((countryCode == 1) ? "2" : example.substring(0, 1)) + second + rest);
			return Combinators.combine(national, Arbitraries.integers().between(0, 5))
				.as((number, notation) -> international(countryCode, number, notation));
		});
	}

	private static String international(int countryCode, String national, int notation) {
		String cc = "+" + countryCode;
		return switch (notation) {
			case 0 -> cc + national;
			case 1 -> cc + " " + grouped(national, " ");
			case 2 -> cc + "-" + grouped(national, "-");
			case 3 -> cc + "." + grouped(national, ".");
			case 4 -> (countryCode == 1) ? cc + " (" + national.substring(0, 3) + ") " + national.substring(3, 6) + "-"
					+ national.substring(6) : cc + " " + national;
			default -> cc + " " + national.substring(0, national.length() / 2) + " "
					+ national.substring(national.length() / 2);
		};
	}

	/** Groups of three digits, the last group of two to four. */
	private static String grouped(String digits, String separator) {
		StringBuilder grouped = new StringBuilder();
		int k = 0;
		while (digits.length() - k > 4) {
			grouped.append(digits, k, k + 3).append(separator);
			k += 3;
		}
		return grouped.append(digits, k, digits.length()).toString();
	}

	/** Valid US numbers written without the country code, in the notations of the US. */
	private static Arbitrary<String> usNationalPhones() {
		Arbitrary<String> number = chars(DIGITS, 10, 10).filter((digits) -> PHONES.isValidNumberForRegion(
				new PhoneNumber().setCountryCode(1).setNationalNumber(Long.parseLong(digits)), "US"));
		return Combinators.combine(number, Arbitraries.integers().between(0, 4)).as((d, notation) -> {
			String area = d.substring(0, 3);
			String exchange = d.substring(3, 6);
			String line = d.substring(6);
			return switch (notation) {
				case 0 -> "(" + area + ") " + exchange + "-" + line;
				case 1 -> area + "-" + exchange + "-" + line;
				case 2 -> area + "." + exchange + "." + line;
				case 3 -> "1-" + area + "-" + exchange + "-" + line;
				default -> area + " " + exchange + " " + line;
			};
		});
	}

	// Cards: the networks' prefixes and lengths, a Luhn check digit, the groupings
	// printed on cards.

	static Arbitrary<Pii> cards() {
		Arbitrary<String> numbers = Arbitraries.oneOf(card(List.of("4"), 13, 16),
				card(List.of("51", "52", "53", "54", "55"), 16),
				card(List.of("2221", "2300", "2500", "2699", "2720"), 16), card(List.of("34", "37"), 15),
				card(List.of("6011"), 16, 17), card(List.of("644", "649", "65"), 16),
				card(List.of("300", "305", "36", "38", "39"), 14),
				card(List.of("3528", "3550", "3589"), 16, 17, 18, 19), card(List.of("62"), 16, 17, 18, 19),
				card(List.of("6759", "50", "56", "58"), 16, 17, 18, 19));
		return numbers.flatMap((number) -> Arbitraries.of(number, groupedCard(number, " "), groupedCard(number, "-")))
			.map((number) -> new Pii(PiiTypes.CREDIT_CARD, "", number));
	}

	private static Arbitrary<String> card(List<String> prefixes, Integer... lengths) {
		return Combinators.combine(Arbitraries.of(prefixes), Arbitraries.of(lengths), chars(DIGITS, 18, 18))
			.as((prefix, length, random) -> {
				String body = prefix + random.substring(0, length - 1 - prefix.length());
				return body + luhnCheckDigit(body);
			});
	}

	/** Amex 4-6-5, Diners 4-6-4, others groups of four. */
	private static String groupedCard(String number, String separator) {
		if (number.length() == 15 || number.length() == 14) {
			return number.substring(0, 4) + separator + number.substring(4, 10) + separator + number.substring(10);
		}
		return groupsOfFour(number, separator);
	}

	private static String groupsOfFour(String text, String separator) {
		StringBuilder grouped = new StringBuilder();
		for (int k = 0; k < text.length(); k += 4) {
			grouped.append((k > 0) ? separator : "").append(text, k, Math.min(k + 4, text.length()));
		}
		return grouped.toString();
	}

	private static int luhnCheckDigit(String body) {
		int sum = 0;
		boolean doubled = true;
		for (int k = body.length() - 1; k >= 0; k--) {
			int digit = body.charAt(k) - '0';
			if (doubled) {
				digit = (digit > 4) ? digit * 2 - 9 : digit * 2;
			}
			sum += digit;
			doubled = !doubled;
		}
		return (10 - sum % 10) % 10;
	}

	// IBANs: the country's BBAN format (n digits, a upper-case letters, c either) and
	// mod-97 check digits.

	static Arbitrary<Pii> ibans() {
		Map<String, String> formats = new TreeMap<>(Map.ofEntries(Map.entry("DE", "18n"), Map.entry("GB", "4a14n"),
				Map.entry("FR", "10n11c2n"), Map.entry("ES", "20n"), Map.entry("NL", "4a10n"),
				Map.entry("IT", "1a10n12c"), Map.entry("CH", "5n12c"), Map.entry("BE", "12n"), Map.entry("AT", "16n"),
				Map.entry("PL", "24n"), Map.entry("SE", "20n"), Map.entry("NO", "11n"), Map.entry("IE", "4a14n")));
		return Arbitraries.of(formats.keySet()).flatMap((country) -> bban(formats.get(country)).map((bban) -> {
			String check = String.format("%02d",
					98 - new BigInteger(numeric(bban + country + "00")).mod(BigInteger.valueOf(97)).intValue());
			return country + check + bban;
		}))
			.flatMap((iban) -> Arbitraries.of(iban, groupsOfFour(iban, " ")))
			.map((iban) -> new Pii(PiiTypes.IBAN, "", iban));
	}

	private static Arbitrary<String> bban(String format) {
		Arbitrary<String> bban = Arbitraries.just("");
		int k = 0;
		while (k < format.length()) {
			int end = k;
			while (Character.isDigit(format.charAt(end))) {
				end++;
			}
			int count = Integer.parseInt(format, k, end, 10);
			String alphabet = switch (format.charAt(end)) {
				case 'n' -> DIGITS;
				case 'a' -> UPPER;
				default -> DIGITS + UPPER;
			};
			Arbitrary<String> part = chars(alphabet, count, count);
			bban = Combinators.combine(bban, part).as(String::concat);
			k = end + 1;
		}
		return bban;
	}

	private static String numeric(String text) {
		StringBuilder digits = new StringBuilder();
		for (char c : text.toCharArray()) {
			digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
		}
		return digits.toString();
	}

	// SSNs: the SSA's rules (area not 000, 666 or 9xx; group and serial not zero), dashes
	// or spaces.

	static Arbitrary<Pii> ssns() {
		Arbitrary<Integer> area = Arbitraries.integers().between(1, 899).filter((a) -> a != 666);
		return Combinators
			.combine(area, Arbitraries.integers().between(1, 99), Arbitraries.integers().between(1, 9999),
					Arbitraries.of("-", " "))
			.as((a, g, s, separator) -> String.format("%03d%s%02d%s%04d", a, separator, g, separator, s))
			.map((ssn) -> new Pii(PiiTypes.SSN, "", ssn));
	}

	// IP addresses: dotted quads; IPv6 full, compressed, loopback, link-local,
	// IPv4-mapped, in either case.

	static Arbitrary<Pii> ipAddresses() {
		Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
		Arbitrary<String> ipv4 = octet.list()
			.ofSize(4)
			.map((octets) -> octets.get(0) + "." + octets.get(1) + "." + octets.get(2) + "." + octets.get(3));
		Arbitrary<String> group = chars(HEX, 1, 4).map((g) -> g.replaceFirst("^0+(?=.)", ""));
		Arbitrary<List<String>> groups = group.list().ofSize(8);
		Arbitrary<String> full = groups.map((g) -> String.join(":", g));
		Arbitrary<String> compressed = Combinators
			.combine(groups, Arbitraries.integers().between(0, 6), Arbitraries.integers().between(2, 7))
			.as((g, from, length) -> {
				int to = Math.min(8, from + length);
				return String.join(":", g.subList(0, from)) + "::" + String.join(":", g.subList(to, 8));
			});
		Arbitrary<String> ipv6 = Arbitraries.oneOf(full, compressed, Arbitraries.of("::1", "fe80::1", "2001:db8::"),
				ipv4.map((v4) -> "::ffff:" + v4),
				group.list().ofSize(2).map((g) -> "fe80::" + g.get(0) + ":" + g.get(1)));
		Arbitrary<String> upperOrLower = ipv6.flatMap((a) -> Arbitraries.of(a, a.toUpperCase(Locale.ROOT)));
		return Arbitraries.oneOf(ipv4, upperOrLower).map((ip) -> new Pii(PiiTypes.IP_ADDRESS, "", ip));
	}

	// Secrets: the documented prefixes and lengths of the key formats; JWTs; bearer
	// tokens after their scheme.

	static Arbitrary<Pii> secrets() {
		String base64Url = ALNUM + "-_";
		Arbitrary<String> keys = Arbitraries.oneOf(prefixed("sk-proj-", base64Url, 40, 60),
				prefixed("sk-ant-api03-", base64Url, 80, 95), prefixed("sk-", ALNUM, 32, 48),
				prefixed(Arbitraries.of("sk_live_", "sk_test_", "rk_live_"), ALNUM, 24, 32),
				prefixed(Arbitraries.of("AKIA", "ASIA"), DIGITS + UPPER, 16, 16),
				prefixed(Arbitraries.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"), ALNUM, 36, 36),
				Combinators.combine(chars(ALNUM, 22, 22), chars(ALNUM, 59, 59))
					.as((a, b) -> "github_pat_" + a + "_" + b),
				prefixed("glpat-", base64Url, 20, 20),
				Combinators
					.combine(Arbitraries.of("xoxb-", "xoxp-", "xoxa-"), chars(DIGITS, 10, 13), chars(ALNUM, 24, 24))
					.as((prefix, team, secret) -> prefix + team + "-" + team + "-" + secret),
				prefixed("AIza", base64Url, 35, 35),
				Combinators.combine(chars(base64Url, 10, 30), chars(base64Url, 20, 120), chars(base64Url, 43, 43))
					.as((header, payload, signature) -> "eyJ" + header + ".eyJ" + payload + "." + signature));
		Arbitrary<Pii> bearer = Combinators
			.combine(Arbitraries.of("Bearer ", "bearer ", "BEARER "), chars(ALNUM + "-._~+/", 15, 60),
					chars(ALNUM, 1, 1), Arbitraries.of("", "", "=", "=="))
			.as((scheme, body, last, padding) -> new Pii(PiiTypes.SECRET, scheme, body + last + padding));
		return Arbitraries.frequencyOf(Tuple.of(4, keys.map((key) -> new Pii(PiiTypes.SECRET, "", key))),
				Tuple.of(1, bearer));
	}

	private static Arbitrary<String> prefixed(String prefix, String alphabet, int min, int max) {
		return chars(alphabet, min, max).map((body) -> prefix + body);
	}

	private static Arbitrary<String> prefixed(Arbitrary<String> prefixes, String alphabet, int min, int max) {
		return Combinators.combine(prefixes, chars(alphabet, min, max)).as(String::concat);
	}

	// Look-alikes.

	/**
	 * The look-alikes by kind.
	 * @return generators by kind
	 */
	static Map<String, Arbitrary<NearMiss>> nearMisses() {
		return new TreeMap<>(Map.of("order number", orderNumbers(), "version", versions(), "sku", skus(), "isbn",
				isbns(), "timestamp", timestamps(), "amount", amounts(), "tracking id", trackingIds(), "git hash",
				gitHashes()));
	}

	private static Arbitrary<NearMiss> orderNumbers() {
		return Arbitraries
			.oneOf(Combinators.combine(Arbitraries.integers().between(2019, 2026), chars(DIGITS, 6, 6))
				.as((year, n) -> "ORD-" + year + "-" + n),
					chars(DIGITS, 4, 8).map((n) -> "#" + (n.charAt(0) == '0' ? "1" + n : n)),
					Combinators.combine(chars(DIGITS, 3, 3), chars(DIGITS, 7, 7), chars(DIGITS, 7, 7))
						.as((a, b, c) -> a + "-" + b + "-" + c),
					chars(DIGITS, 6, 9).map((n) -> "PO-" + n), chars(DIGITS, 8, 8).map((n) -> "SO" + n))
			.map(kind("order number"));
	}

	private static Arbitrary<NearMiss> versions() {
		Arbitrary<Integer> part = Arbitraries.integers().between(0, 40);
		return Arbitraries.oneOf(part.list().ofSize(3).map((p) -> p.get(0) + "." + p.get(1) + "." + p.get(2)),
				part.list().ofSize(3).map((p) -> "v" + p.get(0) + "." + p.get(1) + "." + p.get(2)),
				part.list().ofSize(4).map((p) -> "v" + p.get(0) + "." + p.get(1) + "." + p.get(2) + "." + p.get(3)),
				Combinators.combine(part.list().ofSize(3), Arbitraries.of("-rc.1", "-beta.2", "-SNAPSHOT", "+build.7"))
					.as((p, suffix) -> p.get(0) + "." + p.get(1) + "." + p.get(2) + suffix),
				Combinators.combine(Arbitraries.integers().between(11, 25), Arbitraries.integers().between(1, 20))
					.as((major, build) -> major + ".0." + build + "+" + build),
				Arbitraries.integers().between(19041, 26100).map((build) -> "10.0." + build + ".3803"))
			.map(kind("version"));
	}

	private static Arbitrary<NearMiss> skus() {
		return Arbitraries
			.oneOf(chars(DIGITS + UPPER, 5, 8).map((s) -> "SKU-" + s + "-XL"),
					chars(DIGITS + UPPER, 8, 8).map((s) -> "B0" + s), chars(DIGITS, 4, 4).map((s) -> "WH-" + s + "XM4"),
					chars(DIGITS, 11, 11).map((s) -> s + luhnCheckDigit(s)).map((upc) -> "UPC " + upc),
					chars(DIGITS, 5, 6).map((s) -> "item " + s))
			.map(kind("sku"));
	}

	private static Arbitrary<NearMiss> isbns() {
		Arbitrary<String> isbn13 = Combinators.combine(Arbitraries.of("978", "979"), chars(DIGITS, 9, 9))
			.as((prefix, body) -> {
				String digits = prefix + body;
				int sum = 0;
				for (int k = 0; k < 12; k++) {
					sum += (digits.charAt(k) - '0') * ((k % 2 == 0) ? 1 : 3);
				}
				return digits + (10 - sum % 10) % 10;
			});
		Arbitrary<String> isbn10 = chars(DIGITS, 9, 9).map((body) -> {
			int sum = 0;
			for (int k = 0; k < 9; k++) {
				sum += (body.charAt(k) - '0') * (10 - k);
			}
			int check = (11 - sum % 11) % 11;
			return body + ((check == 10) ? "X" : String.valueOf(check));
		});
		return Arbitraries.oneOf(isbn13.map((i) -> "ISBN " + i),
				isbn13.map((i) -> i.substring(0, 3) + "-" + i.charAt(3) + "-" + i.substring(4, 6) + "-"
						+ i.substring(6, 12) + "-" + i.charAt(12)),
				isbn10.map((i) -> "ISBN " + i.charAt(0) + "-" + i.substring(1, 4) + "-" + i.substring(4, 9) + "-"
						+ i.charAt(9)),
				isbn10.map((i) -> "ISBN-10: " + i))
			.map(kind("isbn"));
	}

	private static Arbitrary<NearMiss> timestamps() {
		Arbitrary<Integer> year = Arbitraries.integers().between(2000, 2030);
		Arbitrary<Integer> month = Arbitraries.integers().between(1, 12);
		Arbitrary<Integer> day = Arbitraries.integers().between(1, 28);
		Arbitrary<Integer> hour = Arbitraries.integers().between(0, 23);
		Arbitrary<Integer> minute = Arbitraries.integers().between(0, 59);
		Arbitrary<String> date = Combinators.combine(year, month, day)
			.as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
		Arbitrary<String> time = Combinators.combine(hour, minute, minute)
			.as((h, m, s) -> String.format("%02d:%02d:%02d", h, m, s));
		return Arbitraries
			.oneOf(Combinators.combine(date, time).as((d, t) -> d + "T" + t + "Z"),
					Combinators.combine(date, time).as((d, t) -> d + " " + t),
					Combinators.combine(date, time, Arbitraries.integers().between(0, 999))
						.as((d, t, ms) -> d + "T" + t + "." + String.format("%03d", ms) + "+01:00"),
					Combinators.combine(year, month, day, hour, minute)
						.as((y, m, d, h, min) -> String.format("%02d/%02d/%04d %02d:%02d", d, m, y, h, min)),
					Arbitraries.longs().between(1_500_000_000L, 1_900_000_000L).map(String::valueOf),
					Arbitraries.longs().between(1_500_000_000_000L, 1_900_000_000_000L).map(String::valueOf),
					time.map((t) -> t + ".123"))
			.map(kind("timestamp"));
	}

	private static Arbitrary<NearMiss> amounts() {
		Arbitrary<Integer> thousands = Arbitraries.integers().between(1, 999);
		Arbitrary<Integer> units = Arbitraries.integers().between(0, 999);
		Arbitrary<Integer> cents = Arbitraries.integers().between(0, 99);
		return Arbitraries.oneOf(
				Combinators.combine(thousands, units, cents).as((t, u, c) -> String.format("$%d,%03d.%02d", t, u, c)),
				Combinators.combine(thousands, units, cents)
					.as((t, u, c) -> String.format("%d.%03d,%02d \u20ac", t, u, c)),
				Combinators.combine(thousands, units, units, cents)
					.as((m, t, u, c) -> String.format("%d %03d %03d,%02d EUR", m, t, u, c)),
				Combinators.combine(thousands, units, units)
					.as((m, t, u) -> String.format("USD %d,%03d,%03d.00", m, t, u)),
				Combinators.combine(Arbitraries.of("+", "-"), Arbitraries.integers().between(0, 99), cents)
					.as((sign, p, c) -> sign + p + "." + c + "%"),
				Combinators.combine(thousands, units).as((t, u) -> "CHF " + t + "'" + String.format("%03d", u) + ".-"))
			.map(kind("amount"));
	}

	private static Arbitrary<NearMiss> trackingIds() {
		return Arbitraries
			.oneOf(chars(DIGITS + UPPER, 16, 16).map((t) -> "1Z" + t), chars(DIGITS, 18, 18).map((t) -> "9400" + t),
					chars(DIGITS, 12, 12).map((t) -> "FedEx " + t), chars(DIGITS, 18, 18).map((t) -> "JJD" + t),
					Combinators.combine(chars(UPPER, 2, 2), chars(DIGITS, 9, 9)).as((a, n) -> a + n + "GB"))
			.map(kind("tracking id"));
	}

	private static Arbitrary<NearMiss> gitHashes() {
		return Arbitraries.oneOf(chars(HEX, 7, 7), chars(HEX, 12, 12), chars(HEX, 40, 40)).map(kind("git hash"));
	}

	private static Function<String, NearMiss> kind(String kind) {
		return (value) -> new NearMiss(kind, value);
	}

	private static StringArbitrary chars(String alphabet, int min, int max) {
		return Arbitraries.strings().withChars(alphabet.toCharArray()).ofMinLength(min).ofMaxLength(max);
	}

}
