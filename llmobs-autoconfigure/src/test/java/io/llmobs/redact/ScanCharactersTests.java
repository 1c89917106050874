package io.llmobs.redact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScanCharactersTests {

	@Test
	void wordCharactersAreLettersDigitsAndUnderscoresOfAnyScript() {
		assertThat("aZ09_\u00e9\u00df\u4e2d\u0661".chars())
			.allMatch((c) -> ScanCharacters.isWordChar((char) c.intValue()));
		assertThat(" .-@:+('\u201c\u00a0".chars()).noneMatch((c) -> ScanCharacters.isWordChar((char) c.intValue()));
		assertThat(ScanCharacters.isAsciiLetter('q')).isTrue();
		assertThat(ScanCharacters.isAsciiLetter('\u00e9')).isFalse();
		assertThat(ScanCharacters.isAsciiLetter('_')).isFalse();
	}

	@Test
	void aWordEndsAtTheFirstCharacterThatIsNoWordCharacter() {
		assertThat(ScanCharacters.endOfWord("ab_c\u00e9d-e", 0)).isEqualTo(6);
		assertThat(ScanCharacters.endOfWord("abc", 1)).isEqualTo(3);
		assertThat(ScanCharacters.endOfWord("a b", 1)).isEqualTo(1);
	}

	@Test
	void underscoresThatOpenOrCloseAWordAreBoundaries() {
		assertThat(ScanCharacters.isBoundaryBefore("x", 0)).isTrue();
		assertThat(ScanCharacters.isBoundaryBefore(" x", 1)).isTrue();
		assertThat(ScanCharacters.isBoundaryBefore("__x", 2)).isTrue();
		assertThat(ScanCharacters.isBoundaryBefore(" __x", 3)).isTrue();
		assertThat(ScanCharacters.isBoundaryBefore("a_x", 2)).isFalse();
		assertThat(ScanCharacters.isBoundaryBefore("ax", 1)).isFalse();
		assertThat(ScanCharacters.isBoundaryAfter("x", 1)).isTrue();
		assertThat(ScanCharacters.isBoundaryAfter("x__", 1)).isTrue();
		assertThat(ScanCharacters.isBoundaryAfter("x__.", 1)).isTrue();
		assertThat(ScanCharacters.isBoundaryAfter("x_a", 1)).isFalse();
		assertThat(ScanCharacters.isBoundaryAfter("x\u00e9", 1)).isFalse();
		assertThat(ScanCharacters.underscoresBefore("a__b", 3)).isEqualTo(2);
		assertThat(ScanCharacters.underscoresAfter("a__b", 1)).isEqualTo(2);
		assertThat(ScanCharacters.underscoresAfter("a", 1)).isZero();
	}

	@Test
	void aNumberStartsAtItsPlusSignAtAClosedAreaCodeElseAtItsFirstDigit() {
		assertThat(ScanCharacters.numberStart("+44 20", 0, 6)).isZero();
		assertThat(ScanCharacters.numberStart("(212) 555-4758", 0, 14)).isZero();
		assertThat(ScanCharacters.numberStart("(4111 1111", 0, 10)).isEqualTo(1);
		assertThat(ScanCharacters.numberStart("((212) 555-4758", 0, 15)).isEqualTo(1);
		assertThat(ScanCharacters.numberStart("7 (212) 555", 0, 11)).isZero();
	}

	@Test
	void digitsAreCollectedAndCountedWithoutSeparators() {
		assertThat(ScanCharacters.digitsOf("(212) 555-4758", 0, 14)).isEqualTo("2125554758");
		assertThat(ScanCharacters.digitsOf("+44 20", 1, 6)).isEqualTo("4420");
		assertThat(ScanCharacters.digitsBefore("01 23 45", 8)).isEqualTo(2);
		assertThat(ScanCharacters.digitsBefore("2127365000", 10)).isEqualTo(10);
		assertThat(ScanCharacters.digitsBefore("12 ", 3)).isZero();
	}

	@Test
	void asciiTablesHoldTheirTestForEveryAsciiCharacter() {
		boolean[] hex = ScanCharacters.asciiTable((c) -> Character.digit(c, 16) >= 0);
		assertThat(hex).hasSize(128);
		assertThat(hex['f']).isTrue();
		assertThat(hex['F']).isTrue();
		assertThat(hex['g']).isFalse();
	}

}
