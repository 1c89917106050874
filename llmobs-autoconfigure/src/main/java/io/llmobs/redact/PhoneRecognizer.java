package io.llmobs.redact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * Phone numbers, in a run of digits, decided by libphonenumber. With {@code +}: a country
 * calling code it knows and a national number of a length the country's plan allows (in a
 * range it assigns too with strict validation), since a number in an unassigned range is
 * still one to hide. With {@code 00}: a valid number only, as a leading {@code 00} is as
 * often part of another number. Without a country code: a number valid in one of the
 * configured regions, written as phone numbers are (in one group, or ending in a group of
 * three or more digits, or in one as short as the number's national format ends in), and
 * not labelled as an ISBN; so ISBNs ({@code 3-16-148410-0}) and date-times
 * ({@code 2024-11-25 14:30}) are rejected. A run may hold a list number before the phone
 * number or two numbers in a row: windows of its space-separated parts are tried too.
 */
final class PhoneRecognizer implements PiiRecognizer.InNumber {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private static final int MIN_DIGITS = 7;

	private static final int MAX_DIGITS = 15;

	private static final int MAX_SEGMENTS = 6;

	private final List<NationalNumbers> regions;

	private final boolean strict;

	/**
	 * Creates the recognizer.
	 * @param regions ISO 3166 region codes of national numbers (written without a country
	 * code)
	 * @param strict whether a number written with {@code +} must be in a range its
	 * country assigns
	 * @throws IllegalArgumentException when libphonenumber does not know a region
	 */
	PhoneRecognizer(Collection<String> regions, boolean strict) {
		List<NationalNumbers> numbers = new ArrayList<>();
		for (String region : regions) {
			if (!isRegion(region)) {
				throw new IllegalArgumentException("Unknown phone region '" + region + "'");
			}
			numbers.add(NationalNumbers.of(region.trim().toUpperCase(Locale.ROOT)));
		}
		this.regions = List.copyOf(numbers);
		this.strict = strict;
	}

	static boolean isRegion(String region) {
		return PHONES.getSupportedRegions().contains(region.trim().toUpperCase(Locale.ROOT));
	}

	@Override
	public String type() {
		return PiiTypes.PHONE;
	}

	@Override
	public int minDigits() {
		return MIN_DIGITS;
	}

	/**
	 * The whole run first, then windows of at most six space-separated segments (a list
	 * number before the phone number, two numbers in a row).
	 */
	@Override
	public boolean findInNumber(String text, int start, int end, List<PiiEntity> found) {
		List<int[]> segments = segments(text, start, end);
		boolean any = false;
		int first = 0;
		while (first < segments.size()) {
			int matched = -1;
			int longest = (first == 0) ? segments.size() - 1 : Math.min(segments.size() - 1, first + MAX_SEGMENTS - 1);
			for (int last = longest; last >= first && matched < 0; last--) {
				int to = segments.get(last)[1];
				int from = ScanCharacters.numberStart(text, segments.get(first)[0], to);
				if (isPhone(text, from, to)) {
					found.add(new PiiEntity(PiiTypes.PHONE, from, to));
					matched = last;
					any = true;
				}
			}
			first = (matched >= 0) ? matched + 1 : first + 1;
		}
		return any;
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

	private boolean isPhone(String text, int start, int end) {
		int digits = 0;
		for (int k = start; k < end; k++) {
			if (ScanCharacters.isDigit(text.charAt(k))) {
				digits++;
			}
		}
		if (digits < MIN_DIGITS || digits > MAX_DIGITS + 2) {
			return false;
		}
		if (text.charAt(start) == '+') {
			return isInternational(ScanCharacters.digitsOf(text, start, end), this.strict);
		}
		if (text.startsWith("00", start)) {
			// Without the plus sign, a leading 00 is as often part of another number:
			// only valid numbers count.
			return isInternational(ScanCharacters.digitsOf(text, start + 2, end), true);
		}
		String national = null;
		for (NationalNumbers region : this.regions) {
			if (region.mayBePossible(text, start, digits)) {
				if (national == null) {
					national = ScanCharacters.digitsOf(text, start, end);
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
	 * In one group, or ending in a group of three or more digits, or in a group as short
	 * as the last one of the number's national format ({@code 01 23 45 67 89} in France).
	 */
	private static boolean isWrittenAsPhone(String text, int start, int end, PhoneNumber phone) {
		int last = ScanCharacters.digitsBefore(text, end);
		if (last >= 3 || last == end - start) {
			return true;
		}
		String national = PHONES.format(phone, PhoneNumberFormat.NATIONAL);
		return last >= ScanCharacters.digitsBefore(national, national.length());
	}

	/**
	 * Whether the number is labelled as an ISBN ({@code ISBN 0306406152},
	 * {@code ISBN-10: ...}).
	 */
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
	 * Digits after '+' or '00': a country calling code of one to three digits, then a
	 * national number of a length the country's numbering plan allows, in a range it
	 * assigns too if {@code valid}.
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
					// A trunk zero written after the country code, or a number that keeps
					// it (Italy).
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
	 * Valid: possible and in an assigned range. Otherwise possible as a whole number, not
	 * only as a local one (a seven-digit US number).
	 */
	private static boolean isPhone(PhoneNumber phone, boolean valid) {
		if (valid) {
			return PHONES.isPossibleNumber(phone) && PHONES.isValidNumber(phone);
		}
		return PHONES.isPossibleNumberWithReason(phone) == ValidationResult.IS_POSSIBLE;
	}

	/**
	 * The national numbers of one region: the lengths its numbering plan allows
	 * (libphonenumber's cheap {@code isPossibleNumber}) decide before its validation is
	 * asked, which keeps most digit runs (dates, amounts, order numbers) cheap.
	 */
	private record NationalNumbers(String region, int countryCode, @Nullable String nationalPrefix, long lengths) {

		static NationalNumbers of(String region) {
			int countryCode = PHONES.getCountryCodeForRegion(region);
			// The lengths the numbering plan allows, read by asking libphonenumber about
			// one number of each length.
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
		 * Whether the candidate's digits (from {@code start}), or those after the
		 * national prefix, have a length of the plan and no leading zero: a test without
		 * allocation that {@link #valid} would fail otherwise.
		 */
		boolean mayBePossible(String text, int start, int digits) {
			int first = start;
			while (!ScanCharacters.isDigit(text.charAt(first))) {
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
				while (!ScanCharacters.isDigit(text.charAt(k))) {
					k++;
				}
				if (text.charAt(k++) != prefix.charAt(p)) {
					return false;
				}
			}
			while (!ScanCharacters.isDigit(text.charAt(k))) {
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
			if (prefix != null && !prefix.isEmpty() && digits.startsWith(prefix) && digits.length() > prefix.length()) {
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
				// A leading zero that belongs to the number (Italy) is not expressible
				// here.
				return null;
			}
			PhoneNumber phone = new PhoneNumber().setCountryCode(this.countryCode)
				.setNationalNumber(Long.parseLong(nationalNumber));
			return PHONES.isPossibleNumber(phone) ? phone : null;
		}

	}

}
