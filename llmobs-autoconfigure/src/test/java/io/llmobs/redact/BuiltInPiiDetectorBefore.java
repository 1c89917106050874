package io.llmobs.redact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.apache.commons.validator.routines.CodeValidator;
import org.apache.commons.validator.routines.CreditCardValidator;
import org.apache.commons.validator.routines.CreditCardValidator.CreditCardRange;
import org.apache.commons.validator.routines.DomainValidator;
import org.apache.commons.validator.routines.IBANValidator;
import org.apache.commons.validator.routines.InetAddressValidator;
import org.jspecify.annotations.Nullable;

/**
 * The built-in types in one pass over the text: cheap character tests find candidates (a run of digits and
 * separators, a word that starts like an IBAN or a known key, the text around an {@code @} or a {@code :}), and the
 * validators decide on candidates only: libphonenumber for phone numbers, commons-validator for cards (network
 * prefixes, lengths, Luhn), IBANs (country format, check digits), IP addresses and the top-level domain of e-mail
 * addresses, whose syntax is checked here. Social security numbers and secrets have no validator library: their
 * shapes are checked here.
 */
final class BuiltInPiiDetectorBefore implements PiiDetector {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private static final CreditCardValidator CARDS = new CreditCardValidator(
			new CodeValidator[] { CreditCardValidator.VISA_VALIDATOR, CreditCardValidator.MASTERCARD_VALIDATOR,
					CreditCardValidator.AMEX_VALIDATOR, CreditCardValidator.DISCOVER_VALIDATOR,
					CreditCardValidator.DINERS_VALIDATOR },
			new CreditCardRange[] { new CreditCardRange("3528", "3589", 16, 19), // JCB
					new CreditCardRange("62", null, 16, 19), // UnionPay
					new CreditCardRange("6759", null, 16, 19), // Maestro UK
					new CreditCardRange("50", "50", 16, 19), new CreditCardRange("56", "58", 16, 19),
					new CreditCardRange("60", "69", 16, 19) }); // Maestro (16 digits and more)

	private static final IBANValidator IBANS = IBANValidator.getInstance();

	private static final DomainValidator DOMAINS = DomainValidator.getInstance(false);

	private static final InetAddressValidator IPS = InetAddressValidator.getInstance();

	private static final int MIN_PHONE_DIGITS = 7;

	private static final int MAX_PHONE_DIGITS = 15;

	private static final int MAX_PHONE_SEGMENTS = 6;

	private static final int MIN_CARD_DIGITS = 13;

	private static final int MAX_CARD_DIGITS = 19;

	private static final int LETTER = 1;

	private static final int WORD = 1 << 1;

	private static final int LOCAL_PART = 1 << 2;

	private static final int DOMAIN = 1 << 3;

	private static final int IPV6 = 1 << 4;

	private static final int BASE64_URL = 1 << 5;

	private static final int BASE64_EXTRA = 1 << 6;

	/** Characters where something may start: word characters, {@code @}, {@code :}, {@code +} and {@code (}. */
	private static final int START = 1 << 7;

	/** Letters that start an IBAN (upper case) or a known key ({@link #secret}): other words are skipped whole. */
	private static final int KEY_START = 1 << 8;

	private static final int[] CLASSES = classes();

	private final boolean email;

	private final boolean phone;

	private final boolean card;

	private final boolean iban;

	private final boolean ssn;

	private final boolean ip;

	private final boolean secret;

	private final boolean strictPhoneValidation;

	private final List<NationalNumbers> phoneRegions;

	/**
	 * Creates a detector of every built-in type, national phone numbers read as numbers of the given regions.
	 * @param phoneRegions ISO 3166 region codes (such as {@code US}, {@code GB}) of phone numbers written without
	 * their country code; numbers with one ({@code +44 ...}, {@code 0044 ...}) are found in any case
	 */
	BuiltInPiiDetectorBefore(Collection<String> phoneRegions) {
		this(PiiTypes.builtIn(), phoneRegions);
	}

	/**
	 * Creates a detector of some of the built-in types.
	 * @param types the types to find, from {@link PiiTypes#builtIn()}
	 * @param phoneRegions ISO 3166 region codes of phone numbers written without their country code
	 */
	BuiltInPiiDetectorBefore(Collection<String> types, Collection<String> phoneRegions) {
		this(types, phoneRegions, false);
	}

	/**
	 * Creates a detector of some of the built-in types.
	 * @param types the types to find, from {@link PiiTypes#builtIn()}
	 * @param phoneRegions ISO 3166 region codes of phone numbers written without their country code
	 * @param strictPhoneValidation whether a number written with {@code +} and a country code must be valid in that
	 * country's numbering plan (in a range assigned when libphonenumber was built); when {@code false}, a national
	 * number of a length the plan allows is enough
	 */
	BuiltInPiiDetectorBefore(Collection<String> types, Collection<String> phoneRegions,
			boolean strictPhoneValidation) {
		this.strictPhoneValidation = strictPhoneValidation;
		Set<String> enabled = Set.copyOf(types);
		this.email = enabled.contains(PiiTypes.EMAIL);
		this.phone = enabled.contains(PiiTypes.PHONE);
		this.card = enabled.contains(PiiTypes.CREDIT_CARD);
		this.iban = enabled.contains(PiiTypes.IBAN);
		this.ssn = enabled.contains(PiiTypes.SSN);
		this.ip = enabled.contains(PiiTypes.IP_ADDRESS);
		this.secret = enabled.contains(PiiTypes.SECRET);
		List<NationalNumbers> regions = new ArrayList<>();
		for (String region : phoneRegions) {
			String code = region.trim().toUpperCase(Locale.ROOT);
			if (!PHONES.getSupportedRegions().contains(code)) {
				throw new IllegalArgumentException("Unknown phone region '" + region + "'");
			}
			regions.add(NationalNumbers.of(code));
		}
		this.phoneRegions = List.copyOf(regions);
	}

	/**
	 * Whether a region code is one libphonenumber knows.
	 * @param region an ISO 3166 region code
	 * @return whether national numbers of the region can be read
	 */
	public static boolean isPhoneRegion(String region) {
		return PHONES.getSupportedRegions().contains(region.trim().toUpperCase(Locale.ROOT));
	}

	@Override
	public void detect(String text, List<PiiEntity> found) {
		int length = text.length();
		int i = 0;
		while (i < length) {
			char c = text.charAt(i);
			if (c < 128 && (CLASSES[c] & START) == 0) {
				// Spaces and punctuation: most characters that are no word character start nothing.
				i++;
				continue;
			}
			int next = i + 1;
			if (c == '@') {
				if (this.email) {
					next = email(text, i, found);
				}
			}
			else if (c == ':') {
				if (this.ip) {
					next = ipv6(text, i, found);
				}
			}
			else if (i == 0 || !isWordChar(text.charAt(i - 1))
					|| (text.charAt(i - 1) == '_' && isBoundaryBefore(text, i))) {
				if ((isDigit(c) || c == '+' || c == '(') && !isHyphenated(text, i)) {
					next = number(text, i, found);
				}
				else if (is(c, KEY_START)) {
					next = word(text, i, found);
				}
				if (next == i + 1 && isWordChar(c) && c != '_') {
					// Nothing starts here: skip the rest of the word, whose characters are no boundaries. Underscores
					// that open a word are markdown emphasis or a name's prefix: what follows them may start something.
					next = endOfWord(text, next);
				}
			}
			i = Math.max(next, i + 1);
		}
	}

	private static int endOfWord(String text, int from) {
		int length = text.length();
		int k = from;
		while (k < length) {
			char c = text.charAt(k);
			if (c < 128) {
				if ((CLASSES[c] & WORD) == 0) {
					break;
				}
			}
			else if (!Character.isLetterOrDigit(c)) {
				break;
			}
			k++;
		}
		return k;
	}

	/** Whether a number continues a hyphenated identifier, such as {@code ORD-2024-118833}. */
	private static boolean isHyphenated(String text, int index) {
		return index >= 2 && text.charAt(index - 1) == '-' && isWordChar(text.charAt(index - 2));
	}

	/**
	 * Whether a token may start at the index: no word character before it, or only underscores that open a word
	 * ({@code _value_}, {@code __value__} in markdown).
	 */
	private static boolean isBoundaryBefore(String text, int index) {
		int k = index - underscoresBefore(text, index);
		return k == 0 || !isWordChar(text.charAt(k - 1));
	}

	/** Whether a token may end at the index: no word character after it, or only underscores that close a word. */
	private static boolean isBoundaryAfter(String text, int index) {
		int k = index + underscoresAfter(text, index);
		return k == text.length() || !isWordChar(text.charAt(k));
	}

	/** The number of underscores right before the index. */
	private static int underscoresBefore(String text, int index) {
		int k = index;
		while (k > 0 && text.charAt(k - 1) == '_') {
			k--;
		}
		return index - k;
	}

	/** The number of underscores from the index on. */
	private static int underscoresAfter(String text, int index) {
		int k = index;
		while (k < text.length() && text.charAt(k) == '_') {
			k++;
		}
		return k - index;
	}

	/**
	 * The end of a token that reads underscores as its own characters, without the trailing ones that close the
	 * underscores before it ({@code _sk-..._}): as many as opened it, no more.
	 */
	private static int withoutClosingUnderscores(String text, int start, int end) {
		int opened = underscoresBefore(text, start);
		int k = end;
		while (opened > 0 && k > start && text.charAt(k - 1) == '_') {
			k--;
			opened--;
		}
		return k;
	}

	// E-mail: local part before the '@', domain after it; the validator checks both and the top-level domain.

	private int email(String text, int at, List<PiiEntity> found) {
		int start = at;
		while (start > 0 && isLocalPartChar(text.charAt(start - 1))) {
			start--;
		}
		int end = at + 1;
		while (end < text.length() && isDomainChar(text.charAt(end))) {
			end++;
		}
		while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
			end--;
		}
		while (start < at && (text.charAt(start) == '.' || text.charAt(start) == '\'')) {
			// A dot cannot start a local part; a quote that does is a quotation mark around the address.
			start++;
		}
		int closing = underscoresAfter(text, end);
		while (closing > 0 && start < at && text.charAt(start) == '_') {
			// Underscores that open the address as many as close it: markdown emphasis, not the local part.
			start++;
			closing--;
		}
		if (start < at && end > at + 1 && isEmail(text, start, at, end)) {
			found.add(new PiiEntity(PiiTypes.EMAIL, start, end));
			return end;
		}
		return at + 1;
	}

	/**
	 * RFC 5321 sizes, dot-atoms on both sides (no empty, leading or trailing label), host labels of letters, digits
	 * and inner hyphens, and a top-level domain that IANA delegated (commons-validator's list).
	 */
	private static boolean isEmail(String text, int start, int at, int end) {
		if (at - start > 64 || end - at - 1 > 253 || text.charAt(at - 1) == '.' || text.charAt(at + 1) == '.') {
			return false;
		}
		for (int k = start + 1; k < at; k++) {
			if (text.charAt(k) == '.' && text.charAt(k - 1) == '.') {
				return false;
			}
		}
		int labels = 0;
		int labelStart = at + 1;
		for (int k = at + 1; k <= end; k++) {
			if (k == end || text.charAt(k) == '.') {
				int length = k - labelStart;
				if (length == 0 || length > 63 || text.charAt(labelStart) == '-' || text.charAt(k - 1) == '-') {
					return false;
				}
				labels++;
				if (k < end) {
					labelStart = k + 1;
				}
			}
		}
		if (labels < 2) {
			return false;
		}
		for (int k = labelStart; k < end; k++) {
			if (!isAsciiLetter(text.charAt(k))) {
				return false;
			}
		}
		return DOMAINS.isValidTld(text.substring(labelStart, end));
	}

	// IPv6: hexadecimal groups and colons (an IPv4 tail allowed) around the colon, whole tokens only.

	private int ipv6(String text, int colon, List<PiiEntity> found) {
		int start = colon;
		while (start > 0 && isIpv6Char(text.charAt(start - 1))) {
			start--;
		}
		int end = colon + 1;
		while (end < text.length() && isIpv6Char(text.charAt(end))) {
			end++;
		}
		while (end > colon + 1 && text.charAt(end - 1) == '.') {
			end--;
		}
		if (!isBoundaryBefore(text, start) || !isBoundaryAfter(text, end)) {
			return colon + 1;
		}
		if (isIpv6(text, start, end)) {
			found.add(new PiiEntity(PiiTypes.IP_ADDRESS, start, end));
			return end;
		}
		if (text.charAt(end - 1) == ':' && isIpv6(text, start, end - 1)) {
			// A colon after the address: "at 2001:db8::1: ...", "2001:db8:::".
			found.add(new PiiEntity(PiiTypes.IP_ADDRESS, start, end - 1));
			return end;
		}
		return colon + 1;
	}

	private static boolean isIpv6(String text, int start, int end) {
		int colons = 0;
		boolean hexDigit = false;
		for (int k = start; k < end; k++) {
			char ch = text.charAt(k);
			if (ch == ':') {
				colons++;
			}
			else {
				hexDigit = true;
			}
		}
		return colons >= 2 && hexDigit && IPS.isValidInet6Address(text.substring(start, end));
	}

	// Numbers: a run of digits and short separators, then IPv4, SSN, card and phone, in that order.

	private int number(String text, int start, List<PiiEntity> found) {
		int length = text.length();
		int j = (text.charAt(start) == '+') ? start + 1 : start;
		int end = start;
		int digits = 0;
		while (j < length) {
			if (isDigit(text.charAt(j))) {
				digits++;
				j++;
				end = j;
				continue;
			}
			// Up to three separators, then a digit: "(415) 555-0132", "+44 (0)20", "4111 1111".
			int k = j;
			while (k < length && k - j < 3 && isNumberSeparator(text, k)) {
				k++;
			}
			if (k == j || k >= length || !isDigit(text.charAt(k)) || text.startsWith("  ", j)) {
				break;
			}
			j = k;
		}
		if (digits == 0) {
			return start + 1;
		}
		if (end < length && isWordChar(text.charAt(end)) && !isBoundaryAfter(text, end)) {
			// Part of a longer token, such as an order number or a hash: skip the token.
			int k = end;
			while (k < length && isWordChar(text.charAt(k))) {
				k++;
			}
			return k;
		}
		if (digits >= 4) {
			classify(text, numberStart(text, start, end), end, digits, found);
		}
		return end;
	}

	/**
	 * Separators inside a number: a dot only between digits (a full stop ends the number), no plus sign (it starts
	 * the next number).
	 */
	private static boolean isNumberSeparator(String text, int index) {
		char c = text.charAt(index);
		if (c == '.') {
			return index > 0 && isDigit(text.charAt(index - 1)) && index + 1 < text.length()
					&& isDigit(text.charAt(index + 1));
		}
		return c == ' ' || c == '-' || c == '(' || c == ')';
	}

	/**
	 * Where the number of a run starts: at its plus sign, at the parenthesis of an area code closed within the run
	 * ({@code (212) 555-4758}), else at its first digit; brackets around the number stay outside.
	 */
	private static int numberStart(String text, int start, int end) {
		int first = start;
		while (!isDigit(text.charAt(first))) {
			first++;
		}
		if (first > start) {
			char before = text.charAt(first - 1);
			if (before == '+' || (before == '(' && closes(text, first, end))) {
				return first - 1;
			}
		}
		return first;
	}

	private static boolean closes(String text, int start, int end) {
		for (int k = start; k < end; k++) {
			if (text.charAt(k) == ')') {
				return true;
			}
		}
		return false;
	}

	private void classify(String text, int start, int end, int digits, List<PiiEntity> found) {
		if (this.ip && ipv4(text, start, end, found)) {
			return;
		}
		if (digits < MIN_PHONE_DIGITS) {
			// Years, amounts, times: too short for any other type.
			return;
		}
		List<int[]> segments = segments(text, start, end);
		if (this.ssn && digits >= 9 && ssn(text, segments, found)) {
			return;
		}
		if (this.card && digits >= MIN_CARD_DIGITS && card(text, start, end, found)) {
			return;
		}
		if (this.phone && digits >= MIN_PHONE_DIGITS) {
			phones(text, segments, found);
		}
	}

	/** The parts of the run between spaces. */
	private static List<int[]> segments(String text, int start, int end) {
		List<int[]> segments = new ArrayList<>();
		int segmentStart = start;
		for (int k = start; k <= end; k++) {
			if (k == end || text.charAt(k) == ' ') {
				if (k > segmentStart) {
					segments.add(new int[] { segmentStart, k });
				}
				segmentStart = k + 1;
			}
		}
		return segments;
	}

	/** Dotted quads in the run, separated by spaces; {@code false} when there is none. */
	private static boolean ipv4(String text, int start, int end, List<PiiEntity> found) {
		boolean any = false;
		int tokenStart = start;
		int dots = 0;
		for (int k = start; k <= end; k++) {
			char ch = (k < end) ? text.charAt(k) : ' ';
			if (ch == '.') {
				dots++;
			}
			else if (ch == '(' && k == tokenStart) {
				tokenStart++;
			}
			else if (ch == ' ') {
				if (dots == 3 && IPS.isValidInet4Address(text.substring(tokenStart, k))) {
					found.add(new PiiEntity(PiiTypes.IP_ADDRESS, tokenStart, k));
					any = true;
				}
				tokenStart = k + 1;
				dots = 0;
			}
		}
		return any;
	}

	/** {@code AAA-GG-SSSS} or {@code AAA GG SSSS} in the run, with the SSA's rules on the three parts. */
	private static boolean ssn(String text, List<int[]> segments, List<PiiEntity> found) {
		boolean any = false;
		for (int[] segment : segments) {
			int from = segment[0];
			while (from < segment[1] && !isDigit(text.charAt(from))) {
				from++;
			}
			int to = from + 11;
			if (to <= text.length() && (to == text.length() || !isDigit(text.charAt(to))) && isSsn(text, from)) {
				found.add(new PiiEntity(PiiTypes.SSN, from, to));
				any = true;
			}
		}
		return any;
	}

	private static boolean isSsn(String text, int start) {
		char separator = text.charAt(start + 3);
		if ((separator != '-' && separator != ' ') || text.charAt(start + 6) != separator) {
			return false;
		}
		for (int k = start; k < start + 11; k++) {
			if (k != start + 3 && k != start + 6 && !isDigit(text.charAt(k))) {
				return false;
			}
		}
		int area = Integer.parseInt(text, start, start + 3, 10);
		int group = Integer.parseInt(text, start + 4, start + 6, 10);
		int serial = Integer.parseInt(text, start + 7, start + 11, 10);
		return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
	}

	/**
	 * A card number in the run: its groups (split at spaces and dashes; other separators, such as a parenthesis or
	 * a dot, end the groups that may form one number) are tried as a whole first, then shorter runs of groups (a
	 * card followed by its security code, say).
	 */
	private static boolean card(String text, int start, int end, List<PiiEntity> found) {
		List<int[]> groups = new ArrayList<>();
		int groupStart = -1;
		for (int k = start; k <= end; k++) {
			char ch = (k < end) ? text.charAt(k) : '.';
			if (isDigit(ch)) {
				if (groupStart < 0) {
					groupStart = k;
				}
				continue;
			}
			if (groupStart >= 0) {
				groups.add(new int[] { groupStart, k });
				groupStart = -1;
			}
			if (ch != ' ' && ch != '-') {
				if (cardInGroups(text, groups, found)) {
					return true;
				}
				groups.clear();
			}
		}
		return false;
	}

	private static boolean cardInGroups(String text, List<int[]> groups, List<PiiEntity> found) {
		for (int first = 0; first < groups.size(); first++) {
			for (int last = groups.size() - 1; last >= first; last--) {
				int digits = 0;
				for (int g = first; g <= last; g++) {
					digits += groups.get(g)[1] - groups.get(g)[0];
				}
				if (digits < MIN_CARD_DIGITS) {
					break;
				}
				if (digits <= MAX_CARD_DIGITS && isCardGrouping(groups, first, last)) {
					int from = groups.get(first)[0];
					int to = groups.get(last)[1];
					if (isLuhnValid(text, from, to) && CARDS.isValid(digitsOf(text, from, to))) {
						found.add(new PiiEntity(PiiTypes.CREDIT_CARD, from, to));
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * Whether groups are written as card numbers are: one group, groups of four (the last one shorter), or Amex's
	 * and Diners' 4-6-5 and 4-6-4; other groupings (order numbers such as {@code 420-3997837-0444038}) are no card.
	 */
	private static boolean isCardGrouping(List<int[]> groups, int first, int last) {
		if (first == last) {
			return true;
		}
		int[] sizes = new int[last - first + 1];
		for (int g = first; g <= last; g++) {
			sizes[g - first] = groups.get(g)[1] - groups.get(g)[0];
		}
		if (sizes.length == 3 && sizes[0] == 4 && sizes[1] == 6 && (sizes[2] == 5 || sizes[2] == 4)) {
			return true;
		}
		for (int g = 0; g < sizes.length - 1; g++) {
			if (sizes[g] != 4) {
				return false;
			}
		}
		return sizes[sizes.length - 1] <= 4;
	}

	/** The Luhn check that every card network applies: most digit runs fail it before a validator is asked. */
	private static boolean isLuhnValid(String text, int start, int end) {
		int sum = 0;
		boolean doubled = false;
		for (int k = end - 1; k >= start; k--) {
			char ch = text.charAt(k);
			if (isDigit(ch)) {
				int digit = ch - '0';
				if (doubled) {
					digit = (digit > 4) ? digit * 2 - 9 : digit * 2;
				}
				sum += digit;
				doubled = !doubled;
			}
		}
		return sum % 10 == 0;
	}

	/**
	 * Phone numbers in the run: the whole run first, then windows of at most six space-separated segments (a list
	 * number before the phone number, two numbers in a row).
	 */
	private void phones(String text, List<int[]> segments, List<PiiEntity> found) {
		int first = 0;
		while (first < segments.size()) {
			int matched = -1;
			int longest = (first == 0) ? segments.size() - 1 : Math.min(segments.size() - 1, first + MAX_PHONE_SEGMENTS - 1);
			for (int last = longest; last >= first && matched < 0; last--) {
				int end = segments.get(last)[1];
				int start = numberStart(text, segments.get(first)[0], end);
				if (phone(text, start, end)) {
					found.add(new PiiEntity(PiiTypes.PHONE, start, end));
					matched = last;
				}
			}
			first = (matched >= 0) ? matched + 1 : first + 1;
		}
	}

	private boolean phone(String text, int start, int end) {
		int digits = 0;
		for (int k = start; k < end; k++) {
			if (isDigit(text.charAt(k))) {
				digits++;
			}
		}
		if (digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS + 2) {
			return false;
		}
		if (text.charAt(start) == '+') {
			return isInternational(digitsOf(text, start, end), this.strictPhoneValidation);
		}
		if (text.startsWith("00", start)) {
			// Without the plus sign, a leading 00 is as often part of another number: only valid numbers count.
			return isInternational(digitsOf(text, start + 2, end), true);
		}
		String national = null;
		for (NationalNumbers region : this.phoneRegions) {
			if (region.mayBePossible(text, start, digits)) {
				if (national == null) {
					national = digitsOf(text, start, end);
				}
				PhoneNumber phone = region.valid(national);
				if (phone != null) {
					return isWrittenAsPhone(text, start, end, phone) && !isIsbn(text, start);
				}
			}
		}
		return false;
	}

	/**
	 * Whether a valid national number is written as phone numbers are: in one group, or ending in a group of three
	 * or more digits, or in a group as short as the last one of the number's national format ({@code 01 23 45 67 89}
	 * in France). ISBNs ({@code 3-16-148410-0}) and date-times ({@code 2024-11-25 14:30}) end in shorter groups.
	 */
	private static boolean isWrittenAsPhone(String text, int start, int end, PhoneNumber phone) {
		int last = lastGroup(text, end);
		if (last >= 3 || last == end - start) {
			return true;
		}
		String national = PHONES.format(phone, PhoneNumberFormat.NATIONAL);
		return last >= lastGroup(national, national.length());
	}

	private static int lastGroup(String text, int end) {
		int k = end;
		while (k > 0 && isDigit(text.charAt(k - 1))) {
			k--;
		}
		return end - k;
	}

	/** Whether the number is labelled as an ISBN ({@code ISBN 0306406152}, {@code ISBN-10: ...}). */
	private static boolean isIsbn(String text, int start) {
		int k = start;
		while (k > 0 && (text.charAt(k - 1) == ' ' || text.charAt(k - 1) == ':')) {
			k--;
		}
		if (k >= 3 && text.charAt(k - 3) == '-' && text.charAt(k - 2) == '1'
				&& (text.charAt(k - 1) == '0' || text.charAt(k - 1) == '3')) {
			k -= 3;
		}
		return k >= 4 && text.regionMatches(true, k - 4, "ISBN", 0, 4);
	}

	/**
	 * Digits after '+' or '00': a country calling code of one to three digits, then a national number of a length
	 * the country's numbering plan allows, in a range it assigns too if {@code valid}.
	 */
	private static boolean isInternational(String digits, boolean valid) {
		if (digits.isEmpty() || digits.charAt(0) == '0') {
			return false;
		}
		for (int length = 1; length <= 3 && length < digits.length(); length++) {
			int countryCode = Integer.parseInt(digits, 0, length, 10);
			if (!PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(PHONES.getRegionCodeForCountryCode(countryCode))
					&& !"ZZ".equals(PHONES.getRegionCodeForCountryCode(countryCode))) {
				if (digits.charAt(length) == '0') {
					// A trunk zero written after the country code, or a number that keeps it (Italy).
					return isPhone("+" + digits, valid);
				}
				PhoneNumber phone = new PhoneNumber().setCountryCode(countryCode)
					.setNationalNumber(Long.parseLong(digits, length, digits.length(), 10));
				return isPhone(phone, valid);
			}
		}
		return false;
	}

	private static boolean isPhone(String candidate, boolean valid) {
		try {
			return isPhone(PHONES.parse(candidate, "ZZ"), valid);
		}
		catch (NumberParseException ex) {
			return false;
		}
	}

	/**
	 * Valid: possible and in an assigned range. Otherwise possible as a whole number, not only as a local one (a
	 * seven-digit US number).
	 */
	private static boolean isPhone(PhoneNumber phone, boolean valid) {
		if (valid) {
			return PHONES.isPossibleNumber(phone) && PHONES.isValidNumber(phone);
		}
		return PHONES.isPossibleNumberWithReason(phone) == ValidationResult.IS_POSSIBLE;
	}

	/**
	 * The national numbers of one region: the lengths its numbering plan allows (libphonenumber's cheap
	 * {@code isPossibleNumber}) decide before its validation is asked, which keeps most digit runs (dates, amounts,
	 * order numbers) cheap.
	 */
	private record NationalNumbers(String region, int countryCode, @Nullable String nationalPrefix, long lengths) {

		static NationalNumbers of(String region) {
			int countryCode = PHONES.getCountryCodeForRegion(region);
			// The lengths the numbering plan allows, read by asking libphonenumber about one number of each length.
			long lengths = 0;
			long number = 1;
			for (int length = 1; length <= 17; length++) {
				if (PHONES.isPossibleNumber(new PhoneNumber().setCountryCode(countryCode).setNationalNumber(number))) {
					lengths |= 1L << length;
				}
				number *= 10;
			}
			return new NationalNumbers(region, countryCode, PHONES.getNddPrefixForRegion(region, true), lengths);
		}

		/**
		 * Whether the candidate's digits (from {@code start}), or those after the national prefix, have a length of
		 * the plan and no leading zero: a test without allocation that {@link #valid} would fail otherwise.
		 */
		boolean mayBePossible(String text, int start, int digits) {
			int first = start;
			while (!isDigit(text.charAt(first))) {
				first++;
			}
			if (text.charAt(first) != '0' && isPlanLength(digits)) {
				return true;
			}
			String prefix = this.nationalPrefix;
			if (prefix == null || prefix.isEmpty() || digits <= prefix.length()
					|| !isPlanLength(digits - prefix.length())) {
				return false;
			}
			int k = first;
			for (int p = 0; p < prefix.length(); p++) {
				while (!isDigit(text.charAt(k))) {
					k++;
				}
				if (text.charAt(k++) != prefix.charAt(p)) {
					return false;
				}
			}
			while (!isDigit(text.charAt(k))) {
				k++;
			}
			return text.charAt(k) != '0';
		}

		private boolean isPlanLength(int digits) {
			return digits <= 17 && (this.lengths & (1L << digits)) != 0;
		}

		@Nullable PhoneNumber valid(String digits) {
			PhoneNumber phone = null;
			String prefix = this.nationalPrefix;
			if (prefix != null && !prefix.isEmpty() && digits.startsWith(prefix)
					&& digits.length() > prefix.length()) {
				phone = possible(digits.substring(prefix.length()));
			}
			if (phone == null) {
				phone = possible(digits);
			}
			if (phone == null) {
				return null;
			}
			return (PHONES.isValidNumberForRegion(phone, this.region) || PHONES.isValidNumber(phone)) ? phone : null;
		}

		private @Nullable PhoneNumber possible(String nationalNumber) {
			if (nationalNumber.charAt(0) == '0' || nationalNumber.length() > 17) {
				// A leading zero that belongs to the number (Italy) is not expressible here.
				return null;
			}
			PhoneNumber phone = new PhoneNumber().setCountryCode(this.countryCode)
				.setNationalNumber(Long.parseLong(nationalNumber));
			return PHONES.isPossibleNumber(phone) ? phone : null;
		}

	}

	// Words: IBANs and secrets, recognized by how they start.

	private int word(String text, int start, List<PiiEntity> found) {
		char c = text.charAt(start);
		if (this.iban && isUpper(c) && start + 3 < text.length() && isUpper(text.charAt(start + 1))
				&& isDigit(text.charAt(start + 2)) && isDigit(text.charAt(start + 3))) {
			int end = iban(text, start);
			if (end > 0) {
				found.add(new PiiEntity(PiiTypes.IBAN, start, end));
				return end;
			}
		}
		if (this.secret) {
			int end = secret(text, start);
			if (end > 0) {
				end = withoutClosingUnderscores(text, start, end);
				int tokenStart = (c == 'B' || c == 'b') && text.regionMatches(true, start, "bearer ", 0, 7) ? start + 7
						: start;
				found.add(new PiiEntity(PiiTypes.SECRET, tokenStart, end));
				return end;
			}
		}
		return start + 1;
	}

	/** The end of the IBAN that starts here (spaces between its characters allowed), or -1. */
	private static int iban(String text, int start) {
		IBANValidator.Validator format = IBANS.getValidator(text.substring(start, start + 2));
		if (format == null) {
			return -1;
		}
		int wanted = format.getIbanLength();
		StringBuilder iban = new StringBuilder(wanted);
		int k = start;
		while (k < text.length() && iban.length() < wanted) {
			char ch = text.charAt(k);
			if (isDigit(ch) || isUpper(ch)) {
				iban.append(ch);
			}
			else if (ch != ' ' || k + 1 >= text.length() || text.charAt(k + 1) == ' ') {
				break;
			}
			k++;
		}
		if (iban.length() != wanted || !isBoundaryAfter(text, k)) {
			return -1;
		}
		return IBANS.isValid(iban.toString()) ? k : -1;
	}

	/** The end of the secret that starts here, or -1. */
	private static int secret(String text, int start) {
		switch (text.charAt(start)) {
			case 's':
				if (text.startsWith("sk-", start)) {
					return token(text, start + 3, 20, false);
				}
				if (text.startsWith("sk_", start)) {
					return token(text, start + 3, 20, false);
				}
				return -1;
			case 'r':
				return text.startsWith("rk_", start) ? token(text, start + 3, 20, false) : -1;
			case 'A':
				if (text.startsWith("AKIA", start) || text.startsWith("ASIA", start)) {
					return upperAlnum(text, start + 4, 16);
				}
				return text.startsWith("AIza", start) ? token(text, start + 4, 35, false) : -1;
			case 'g':
				if (text.startsWith("github_pat_", start)) {
					return token(text, start + 11, 22, false);
				}
				if (text.startsWith("gh", start) && start + 3 < text.length() && "pousr".indexOf(text.charAt(start + 2)) >= 0
						&& text.charAt(start + 3) == '_') {
					return token(text, start + 4, 36, false);
				}
				return text.startsWith("glpat-", start) ? token(text, start + 6, 20, false) : -1;
			case 'x':
				if (text.startsWith("xox", start) && start + 4 < text.length()
						&& "abposr".indexOf(text.charAt(start + 3)) >= 0 && text.charAt(start + 4) == '-') {
					return token(text, start + 5, 10, false);
				}
				return -1;
			case 'e':
				return text.startsWith("eyJ", start) ? jwt(text, start) : -1;
			case 'B':
			case 'b':
				if (text.regionMatches(true, start, "bearer ", 0, 7)) {
					return token(text, start + 7, 16, true);
				}
				return -1;
			default:
				return -1;
		}
	}

	/** The end of a token of at least {@code min} characters from {@code start}, followed by no word character. */
	private static int token(String text, int start, int min, boolean base64) {
		int k = start;
		while (k < text.length() && isTokenChar(text.charAt(k), base64)) {
			k++;
		}
		if (base64) {
			while (k > start && (text.charAt(k - 1) == '.' || text.charAt(k - 1) == '~')) {
				// A full stop, an ellipsis or a strike-through after the token, not its end.
				k--;
			}
			while (k < text.length() && text.charAt(k) == '=') {
				k++;
			}
		}
		return (k - start >= min && isBoundaryAfter(text, k)) ? k : -1;
	}

	private static int upperAlnum(String text, int start, int count) {
		int end = start + count;
		if (end > text.length()) {
			return -1;
		}
		for (int k = start; k < end; k++) {
			char ch = text.charAt(k);
			if (!isDigit(ch) && !isUpper(ch)) {
				return -1;
			}
		}
		return isBoundaryAfter(text, end) ? end : -1;
	}

	/** Header and payload (base64url JSON, so both start with {@code eyJ}) and an optional signature. */
	private static int jwt(String text, int start) {
		int k = start;
		for (int segment = 0; segment < 3; segment++) {
			int segmentStart = k;
			while (k < text.length() && isBase64UrlChar(text.charAt(k))) {
				k++;
			}
			if (segment < 2) {
				if (k - segmentStart < 10 || k >= text.length() || text.charAt(k) != '.'
						|| (segment == 1 && !text.startsWith("eyJ", segmentStart))) {
					return -1;
				}
				k++;
			}
		}
		return isBoundaryAfter(text, k) ? k : -1;
	}

	private static String digitsOf(String text, int start, int end) {
		StringBuilder digits = new StringBuilder(end - start);
		for (int k = start; k < end; k++) {
			char ch = text.charAt(k);
			if (isDigit(ch)) {
				digits.append(ch);
			}
		}
		return digits.toString();
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isUpper(char c) {
		return c >= 'A' && c <= 'Z';
	}

	private static boolean is(char c, int kind) {
		return c < 128 && (CLASSES[c] & kind) != 0;
	}

	private static boolean isAsciiLetter(char c) {
		return is(c, LETTER);
	}

	private static boolean isWordChar(char c) {
		return (c < 128) ? (CLASSES[c] & WORD) != 0 : Character.isLetterOrDigit(c);
	}

	private static boolean isLocalPartChar(char c) {
		return is(c, LOCAL_PART);
	}

	private static boolean isDomainChar(char c) {
		return is(c, DOMAIN);
	}

	private static boolean isIpv6Char(char c) {
		return is(c, IPV6);
	}

	private static boolean isBase64UrlChar(char c) {
		return is(c, BASE64_URL);
	}

	private static boolean isTokenChar(char c, boolean base64) {
		return is(c, base64 ? BASE64_URL | BASE64_EXTRA : BASE64_URL);
	}

	/** The classes of each ASCII character, looked up once instead of a chain of comparisons per test. */
	private static int[] classes() {
		int[] classes = new int[128];
		for (char c = 0; c < 128; c++) {
			boolean digit = c >= '0' && c <= '9';
			boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
			boolean hex = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
			int kind = 0;
			kind |= letter ? LETTER : 0;
			kind |= (digit || letter || c == '_') ? WORD | START : 0;
			kind |= (digit || letter || ".-_%+'".indexOf(c) >= 0) ? LOCAL_PART : 0;
			kind |= (digit || letter || c == '.' || c == '-') ? DOMAIN : 0;
			kind |= (hex || c == ':' || c == '.') ? IPV6 : 0;
			kind |= (digit || letter || c == '-' || c == '_') ? BASE64_URL : 0;
			kind |= (".~+/".indexOf(c) >= 0) ? BASE64_EXTRA : 0;
			kind |= ("@:+(".indexOf(c) >= 0) ? START : 0;
			kind |= ((c >= 'A' && c <= 'Z') || "begrsx".indexOf(c) >= 0) ? KEY_START : 0;
			classes[c] = kind;
		}
		return classes;
	}

}
