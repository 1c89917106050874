package io.llmobs.redact;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRecognizerTests {

	private final SecretRecognizer recognizer = new SecretRecognizer();

	@Test
	void keysOfKnownPrefixesAndLengthsAreFound() {
		assertThat(atWordStart("sk-proj-Q7d9XkLm2Np4Rs6Tv8Wx0Y")).isEqualTo("sk-proj-Q7d9XkLm2Np4Rs6Tv8Wx0Y");
		assertThat(atWordStart("sk-" + "a".repeat(20))).isEqualTo("sk-" + "a".repeat(20));
		assertThat(atWordStart("sk_live_" + "a".repeat(20))).isEqualTo("sk_live_" + "a".repeat(20));
		assertThat(atWordStart("rk_live_" + "a".repeat(20))).isEqualTo("rk_live_" + "a".repeat(20));
		assertThat(atWordStart("AKIAIOSFODNN7EXAMPLE")).isEqualTo("AKIAIOSFODNN7EXAMPLE");
		assertThat(atWordStart("ASIAIOSFODNN7EXAMPLE")).isEqualTo("ASIAIOSFODNN7EXAMPLE");
		assertThat(atWordStart("AIza" + "b".repeat(35))).isEqualTo("AIza" + "b".repeat(35));
		assertThat(atWordStart("ghp_" + "c".repeat(36))).isEqualTo("ghp_" + "c".repeat(36));
		assertThat(atWordStart("github_pat_" + "d".repeat(22))).isEqualTo("github_pat_" + "d".repeat(22));
		assertThat(atWordStart("glpat-" + "e".repeat(20))).isEqualTo("glpat-" + "e".repeat(20));
		assertThat(atWordStart("xoxb-1234567890-abc")).isEqualTo("xoxb-1234567890-abc");
		String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
		assertThat(atWordStart(jwt + ".")).isEqualTo(jwt);
		String unsigned = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.";
		assertThat(atWordStart(unsigned)).isEqualTo(unsigned);
	}

	@Test
	void tooShortOrGluedKeysAreRejected() {
		assertThat(atWordStart("sk-" + "a".repeat(19))).isEmpty();
		assertThat(atWordStart("sk-1234")).isEmpty();
		assertThat(atWordStart("AKIAIOSFODNN7EXAMPL")).isEmpty();
		assertThat(atWordStart("AKIAIOSFODNN7EXAMPLEX")).isEmpty();
		assertThat(atWordStart("AKIAiosfodnn7example")).isEmpty();
		assertThat(atWordStart("ghp_" + "c".repeat(35))).isEmpty();
		assertThat(atWordStart("ghx_" + "c".repeat(36))).isEmpty();
		assertThat(atWordStart("xoxz-1234567890")).isEmpty();
		assertThat(atWordStart("eyJhbGciOiJIUzI1NiJ9.notajwtpayload.sig")).isEmpty();
		assertThat(atWordStart("eyJhbGciOiJIUzI1NiJ9")).isEmpty();
		assertThat(atWordStart("sk-" + "a".repeat(20) + "\u00e9")).isEmpty();
		assertThat(atWordStart("skip-this-word-please-now")).isEmpty();
	}

	@Test
	void theWordBearerStaysAndTheTokenGoes() {
		String text = "Bearer 9a8b7c6d5e4f3a2b1c0d9e8f";
		List<PiiEntity> found = new ArrayList<>();
		assertThat(this.recognizer.findAtWordStart(text, 0, found)).isEqualTo(text.length());
		assertThat(found).containsExactly(new PiiEntity(PiiTypes.SECRET, "Bearer ".length(), text.length()));
		assertThat(token("bearer abc/DEF+ghi_jkl-mno==")).isEqualTo("abc/DEF+ghi_jkl-mno==");
		assertThat(token("BEARER 9a8b7c6d5e4f3a2b1c0d9e8f...")).isEqualTo("9a8b7c6d5e4f3a2b1c0d9e8f");
		assertThat(token("Bearer 9a8b7c6d5e4f3a2b1c0d9e8f~~")).isEqualTo("9a8b7c6d5e4f3a2b1c0d9e8f");
		assertThat(token("Bearer of bad news")).isEmpty();
		assertThat(token("Bearer 9a8b7c6d5e4f3a2")).isEmpty();
	}

	@Test
	void underscoresThatCloseTheKeyAsManyAsOpenedItStayOutside() {
		String text = "_sk-proj-Q7d9XkLm2Np4Rs6Tv8Wx0Y_";
		List<PiiEntity> found = new ArrayList<>();
		this.recognizer.findAtWordStart(text, 1, found);
		assertThat(found).containsExactly(new PiiEntity(PiiTypes.SECRET, 1, text.length() - 1));
		assertThat(atWordStart("sk-proj-Q7d9XkLm2Np4Rs6Tv8Wx0Y_")).isEqualTo("sk-proj-Q7d9XkLm2Np4Rs6Tv8Wx0Y_");
	}

	@Test
	void onlyWordsThatStartLikeAKnownPrefixAreCandidates() {
		assertThat("ABbegrsx".chars()).allMatch((c) -> this.recognizer.mayStartWith((char) c.intValue()));
		assertThat(this.recognizer.mayStartWith('q')).isFalse();
		assertThat(this.recognizer.mayStartWith('S')).isFalse();
	}

	private String atWordStart(String text) {
		return RecognizedAtWordStart.of(this.recognizer, text);
	}

	private String token(String text) {
		List<PiiEntity> found = new ArrayList<>();
		this.recognizer.findAtWordStart(text, 0, found);
		return found.stream().map((entity) -> text.substring(entity.start(), entity.end())).findFirst().orElse("");
	}

}
