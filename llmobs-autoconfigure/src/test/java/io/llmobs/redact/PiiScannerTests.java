package io.llmobs.redact;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PiiScannerTests {

	private final PiiScanner scanner = new PiiScanner(List.of(new BuiltInPiiDetector(List.of("US")),
			new PatternPiiDetector("employee_id", Pattern.compile("EMP-\\d{6}"))));

	@Test
	void entitiesAreReplacedByTheirTypesPlaceholder() {
		Redaction redaction = this.scanner.redact("Mail ana@example.org, call (212) 736-5000, key AKIAIOSFODNN7EXAMPLE.");
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
	void placeholdersAndCanonicalNames() {
		assertThat(PiiTypes.canonical(" Employee-ID ")).isEqualTo("employee_id");
		assertThat(PiiTypes.placeholder("employee_id")).isEqualTo("<EMPLOYEE_ID>");
	}

}
