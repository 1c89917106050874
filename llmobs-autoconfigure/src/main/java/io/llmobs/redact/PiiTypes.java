package io.llmobs.redact;

import java.util.List;
import java.util.Locale;

/**
 * The built-in PII entity types: the values of the {@code type} tag of
 * {@code llmobs.pii.entities}, and the names that the placeholders are made of
 * ({@code email} is replaced by {@code <EMAIL>}).
 */
public final class PiiTypes {

	/** E-mail addresses. */
	public static final String EMAIL = "email";

	/**
	 * Phone numbers: with a country code, of a length its numbering plan allows; without,
	 * valid in a configured region.
	 */
	public static final String PHONE = "phone";

	/** Payment card numbers of the major networks with a valid Luhn check digit. */
	public static final String CREDIT_CARD = "credit_card";

	/**
	 * International bank account numbers with a valid country format and check digits.
	 */
	public static final String IBAN = "iban";

	/** US social security numbers. */
	public static final String SSN = "ssn";

	/** IPv4 and IPv6 addresses. */
	public static final String IP_ADDRESS = "ip_address";

	/** API keys, access tokens, JWTs and bearer tokens. */
	public static final String SECRET = "secret";

	private static final List<String> BUILT_IN = List.of(EMAIL, PHONE, CREDIT_CARD, IBAN, SSN, IP_ADDRESS, SECRET);

	private PiiTypes() {
	}

	/**
	 * The built-in types.
	 * @return the types that {@link BuiltInPiiDetector} finds
	 */
	public static List<String> builtIn() {
		return BUILT_IN;
	}

	/**
	 * The canonical form of a type name: lower case, with {@code _} for {@code -}, as in
	 * tags.
	 * @param name a type name, such as the key of
	 * {@code llmobs.redaction.patterns.<type>}
	 * @return the canonical name
	 */
	public static String canonical(String name) {
		return name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
	}

	/**
	 * The text that replaces an entity of a type.
	 * @param type a canonical type name
	 * @return {@code <TYPE>}, such as {@code <EMAIL>}
	 */
	public static String placeholder(String type) {
		return "<" + type.toUpperCase(Locale.ROOT) + ">";
	}

}
