package io.llmobs.benchmark;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import io.llmobs.redact.BuiltInPiiDetector;
import io.llmobs.redact.PiiEntity;
import io.llmobs.redact.PiiScanner;
import io.llmobs.redact.Redaction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What scanning one 4 KB message for PII costs on the request path, with the default detectors (national phone
 * numbers read as US numbers):
 * <ul>
 * <li>{@code scanNoPii}: 4096 characters of English prose with numbers, times and prices, no PII;</li>
 * <li>{@code scanMix}: 4096 characters of the same prose with ten entities (two e-mail addresses, a US and an
 * international phone number, a card, an IBAN, an SSN, an IPv4 and an IPv6 address, an API key);</li>
 * <li>{@code redactMix}: the same, with the placeholders written (what content capture does per message);</li>
 * <li>{@code baselineIndexOf}: one {@code String.indexOf} pass over the same 4096 characters (vectorized), and
 * {@code baselineCharLoop}: one {@code charAt} loop that counts digits: the floor of any per-character scan.</li>
 * </ul>
 * The warm-up is long (16 s) because the scan reaches into libphonenumber's and commons-validator's matchers, and on
 * a busy 2-core machine C2 took over 10 s to compile that call graph; shorter warm-ups measured tier-3 code.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
@State(Scope.Benchmark)
public class PiiScanBenchmark {

	static final int LENGTH = 4096;

	static final List<String> ENTITIES = List.of("jane.doe@example.com", "(212) 736-5000", "4111 1111 1111 1111",
			"DE89 3704 0044 0532 0130 00", "+44 121 234 5678", "219-09-9999", "192.168.10.42",
			"sk-proj-Q7d9XkLm2Np4Rs6Tv8Wx0Yz1Ab3Cd5Ef7Gh", "2001:db8::7334", "billing@acme-corp.io");

	private PiiScanner scanner;

	private String noPii;

	private String mix;

	@Setup
	public void setUp() {
		this.scanner = new PiiScanner(List.of(new BuiltInPiiDetector(List.of("US"))));
		EnglishText prose = new EnglishText(42, Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE));
		StringBuilder plain = new StringBuilder();
		while (plain.length() < LENGTH) {
			plain.append(prose.sentence()).append(' ');
		}
		this.noPii = plain.substring(0, LENGTH);
		StringBuilder mixed = new StringBuilder();
		int entity = 0;
		while (mixed.length() < LENGTH) {
			mixed.append(prose.sentence()).append(' ');
			if (entity < ENTITIES.size() && mixed.length() > (entity + 1) * (LENGTH / (ENTITIES.size() + 1))) {
				mixed.append("Contact: ").append(ENTITIES.get(entity++)).append(". ");
			}
		}
		this.mix = mixed.substring(0, LENGTH);
		List<PiiEntity> found = this.scanner.scan(this.mix);
		if (found.size() != ENTITIES.size() || !this.scanner.scan(this.noPii).isEmpty()) {
			throw new IllegalStateException("Unexpected entities: " + found + " / " + this.scanner.scan(this.noPii));
		}
	}

	@Benchmark
	public List<PiiEntity> scanNoPii() {
		return this.scanner.scan(this.noPii);
	}

	@Benchmark
	public List<PiiEntity> scanMix() {
		return this.scanner.scan(this.mix);
	}

	@Benchmark
	public Redaction redactMix() {
		return this.scanner.redact(this.mix);
	}

	@Benchmark
	public int baselineIndexOf() {
		return this.mix.indexOf('\u0001');
	}

	@Benchmark
	public int baselineCharLoop() {
		String text = this.mix;
		int digits = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				digits++;
			}
		}
		return digits;
	}

}
