package io.llmobs.redact;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IpAddressRecognizerTests {

	private final IpAddressRecognizer recognizer = new IpAddressRecognizer();

	@Test
	void ipv6AddressesAreFoundAroundAnyOfTheirColons() {
		assertThat(aroundColons("host 2001:db8::7334 up")).containsExactly("2001:db8::7334");
		String full = "2001:0db8:85a3:0000:0000:8a2e:0370:7334";
		assertThat(aroundColons(full)).containsExactly(full);
		assertThat(aroundColons("ping ::1")).containsExactly("::1");
		assertThat(aroundColons("FE80::1")).containsExactly("FE80::1");
		assertThat(aroundColons("[::ffff:192.0.2.1]")).containsExactly("::ffff:192.0.2.1");
		assertThat(aroundColons("_2001:db8::1_")).containsExactly("2001:db8::1");
	}

	@Test
	void aColonOrAFullStopAfterTheAddressStaysOutside() {
		assertThat(aroundColons("host 2001:db8::7334: down")).containsExactly("2001:db8::7334");
		assertThat(aroundColons("from 2001:db8::7334.")).containsExactly("2001:db8::7334");
	}

	@Test
	void ipv6LookAlikesAreRejected() {
		assertThat(aroundColons("Sent at 14:30:15")).isEmpty();
		assertThat(aroundColons("std::vector")).isEmpty();
		assertThat(aroundColons("mac 00:1a:2b:3c:4d:5e")).isEmpty();
		assertThat(aroundColons("2001:db8::7334x")).isEmpty();
		assertThat(aroundColons("x2001:db8::7334")).isEmpty();
		assertThat(aroundColons("a::b::c")).isEmpty();
		assertThat(aroundColons(":::")).isEmpty();
	}

	@Test
	void ipv4AddressesAreFoundInARunOfDigits() {
		assertThat(inRun("from 192.168.10.42 on", "192.168.10.42")).containsExactly("192.168.10.42");
		assertThat(inRun("See line 3 (203.0.113.7)", "3 (203.0.113.7")).containsExactly("203.0.113.7");
		assertThat(inRun("10.0.0.1 10.0.0.2", "10.0.0.1 10.0.0.2")).containsExactly("10.0.0.1", "10.0.0.2");
		assertThat(this.recognizer.minDigits()).isEqualTo(4);
	}

	@Test
	void ipv4LookAlikesAreRejected() {
		assertThat(inRun("256.1.1.1", "256.1.1.1")).isEmpty();
		assertThat(inRun("1.2.3", "1.2.3")).isEmpty();
		assertThat(inRun("v1.2.3.4.5", "1.2.3.4.5")).isEmpty();
		assertThat(inRun("10.0.0.1-10.0.0.9", "10.0.0.1-10.0.0.9")).isEmpty();
	}

	private List<String> aroundColons(String text) {
		List<PiiEntity> found = new ArrayList<>();
		int colon = text.indexOf(':');
		while (colon >= 0) {
			int next = this.recognizer.findAround(text, colon, found);
			colon = text.indexOf(':', Math.max(next, colon + 1));
		}
		return values(text, found);
	}

	private List<String> inRun(String text, String run) {
		List<PiiEntity> found = new ArrayList<>();
		int start = text.indexOf(run);
		boolean any = this.recognizer.findInNumber(text, start, start + run.length(), found);
		assertThat(any).isEqualTo(!found.isEmpty());
		return values(text, found);
	}

	private static List<String> values(String text, List<PiiEntity> found) {
		assertThat(found).allSatisfy((entity) -> assertThat(entity.type()).isEqualTo(PiiTypes.IP_ADDRESS));
		return found.stream().map((entity) -> text.substring(entity.start(), entity.end())).toList();
	}

}
