package io.llmobs.redact;

import java.util.List;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PiiScannerTests {

	private final PiiScanner scanner = new PiiScanner(List.of(new BuiltInPiiDetector(List.of("US")),
			new PatternPiiDetector("employee_id", Pattern.compile("EMP-\\d{6}"))));

	@Test
	void entitiesAreReplacedByTheirTypesPlaceholder() {
		Redaction redaction = this.scanner
			.redact("Mail ana@example.org, call (212) 736-5000, key AKIAIOSFODNN7EXAMPLE.");
		assertThat(redaction.text()).isEqualTo("Mail <EMAIL>, call <PHONE>, key <SECRET>.");
		assertThat(redaction.entities()).extracting(PiiEntity::type)
			.containsExactly(PiiTypes.EMAIL, PiiTypes.PHONE, PiiTypes.SECRET);
	}

	@Test
	void aTextWithoutEntitiesIsReturnedAsItIs() {
		String text = "The parcel left Hamburg at 14:30 and arrives on 2024-11-25.";
		assertThat(this.scanner.redact(text).text()).isSameAs(text);
	}

	@Test
	void overlappingEntitiesKeepTheLongest() {
		// A phone number as the local part of an SMS-gateway address: the address wins.
		assertThat(this.scanner.redact("text 2127365000@vtext.com").text()).isEqualTo("text <EMAIL>");
	}

	@Test
	void userPatternsUseTheirType() {
		assertThat(this.scanner.redact("badge EMP-004211 issued").text()).isEqualTo("badge <EMPLOYEE_ID> issued");
	}

	@Test
	void bearerTokensKeepTheSchemeAndLoseTheToken() {
		assertThat(this.scanner.redact("Authorization: Bearer 9a8b7c6d5e4f3a2b1c0d9e8f").text())
			.isEqualTo("Authorization: Bearer <SECRET>");
	}

	@Test
	void onlyTheEnabledBuiltInTypesAreFound() {
		PiiScanner emailsOnly = new PiiScanner(List.of(new BuiltInPiiDetector(List.of(PiiTypes.EMAIL), List.of())));
		assertThat(emailsOnly.redact("ana@example.org 10.0.0.1 (212) 736-5000").text())
			.isEqualTo("<EMAIL> 10.0.0.1 (212) 736-5000");
	}

	@Test
	void valuesInParenthesesAreRedactedAndTheParenthesesKept() {
		assertThat(this.scanner.redact("Hi, it's me again (4111 1111 1111 1111), where is my refund?").text())
			.isEqualTo("Hi, it's me again (<CREDIT_CARD>), where is my refund?");
		assertThat(this.scanner.redact("from (203.0.113.7).").text()).isEqualTo("from (<IP_ADDRESS>).");
		assertThat(this.scanner.redact("call ((212) 555-4758) today").text()).isEqualTo("call (<PHONE>) today");
		assertThat(this.scanner.redact("call (212) 555-4758 today").text()).isEqualTo("call <PHONE> today");
		assertThat(this.scanner.redact("See line 3 (203.0.113.7)").text()).isEqualTo("See line 3 (<IP_ADDRESS>)");
	}

	@Test
	void internationalNumbersNeedOnlyACountryCodeAndAPossibleLength() {
		PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
		PhoneNumber unassigned = new PhoneNumber().setCountryCode(1).setNationalNumber(5550104758L);
		assertThat(phones.isValidNumber(unassigned)).as("+1 555 is no area code").isFalse();
		assertThat(this.scanner.redact("call +1 555 010 4758.").text()).isEqualTo("call <PHONE>.");
		assertThat(this.scanner.redact("call +15550104758").text()).isEqualTo("call <PHONE>");
		PiiScanner strict = new PiiScanner(List.of(new BuiltInPiiDetector(PiiTypes.builtIn(), List.of("US"), true)));
		assertThat(strict.redact("call +1 555 010 4758.").text()).isEqualTo("call +1 555 010 4758.");
		assertThat(strict.redact("call +44 121 234 5678.").text()).isEqualTo("call <PHONE>.");
	}

	@Test
	void markdownEmphasisQuotesAndTrailingPunctuationStayAroundTheValue() {
		assertThat(this.scanner.redact("mail _jane@example.com_ or 'bob@example.org'").text())
			.isEqualTo("mail _<EMAIL>_ or '<EMAIL>'");
		assertThat(this.scanner.redact("card __4111 1111 1111 1111__, key _sk-proj-Q7d9XkLm2Np4Rs6Tv8Wx0Y_").text())
			.isEqualTo("card __<CREDIT_CARD>__, key _<SECRET>_");
		assertThat(this.scanner.redact("host 2001:db8::7334: down").text()).isEqualTo("host <IP_ADDRESS>: down");
		assertThat(this.scanner.redact("Authorization: Bearer 9a8b7c6d5e4f3a2b1c0d9e8f.").text())
			.isEqualTo("Authorization: Bearer <SECRET>.");
	}

	@Test
	void lookAlikesOfNationalNumbersAreLeftAlone() {
		String text = "ISBN 3-16-148410-0, ISBN-10: 2125554755, 420-3997837-0444038, on 2024-11-25 14:30";
		assertThat(this.scanner.redact(text).text()).isEqualTo(text);
	}

	@Test
	void placeholdersAndCanonicalNames() {
		assertThat(PiiTypes.canonical(" Employee-ID ")).isEqualTo("employee_id");
		assertThat(PiiTypes.placeholder("employee_id")).isEqualTo("<EMPLOYEE_ID>");
	}

}
