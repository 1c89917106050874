package io.llmobs.redact;

import java.util.List;

/**
 * US social security numbers, in a run of digits: {@code AAA-GG-SSSS} or
 * {@code AAA GG SSSS}, the same separator twice, not followed by another digit, with the
 * SSA's rules on the three parts: the area is not 000, 666 or 900-999, the group and the
 * serial are not zero, so never-issued numbers are left alone. Nine plain digits
 * ({@code 123456789}) are rejected: without separators too many other numbers look the
 * same.
 */
final class SsnRecognizer implements PiiRecognizer.InNumber {

	@Override
	public String type() {
		return PiiTypes.SSN;
	}

	@Override
	public int minDigits() {
		return 9;
	}

	/**
	 * Tries each part of the run between spaces, since the number may follow another one
	 * in the same run.
	 */
	@Override
	public boolean findInNumber(String text, int start, int end, List<PiiEntity> found) {
		boolean any = false;
		int segmentStart = start;
		for (int k = start; k <= end; k++) {
			if (k == end || text.charAt(k) == ' ') {
				if (k > segmentStart) {
					any |= findAt(text, segmentStart, k, found);
				}
				segmentStart = k + 1;
			}
		}
		return any;
	}

	private static boolean findAt(String text, int segmentStart, int segmentEnd, List<PiiEntity> found) {
		int from = segmentStart;
		while (from < segmentEnd && !ScanCharacters.isDigit(text.charAt(from))) {
			from++;
		}
		int to = from + 11;
		if (to <= text.length() && (to == text.length() || !ScanCharacters.isDigit(text.charAt(to)))
				&& isSsn(text, from)) {
			found.add(new PiiEntity(PiiTypes.SSN, from, to));
			return true;
		}
		return false;
	}

	private static boolean isSsn(String text, int start) {
		char separator = text.charAt(start + 3);
		if ((separator != '-' && separator != ' ') || text.charAt(start + 6) != separator) {
			return false;
		}
		for (int k = start; k < start + 11; k++) {
			if (k != start + 3 && k != start + 6 && !ScanCharacters.isDigit(text.charAt(k))) {
				return false;
			}
		}
		int area = Integer.parseInt(text, start, start + 3, 10);
		int group = Integer.parseInt(text, start + 4, start + 6, 10);
		int serial = Integer.parseInt(text, start + 7, start + 11, 10);
		return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
	}

}
