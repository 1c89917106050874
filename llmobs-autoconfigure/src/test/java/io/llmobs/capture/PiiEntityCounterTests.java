package io.llmobs.capture;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.llmobs.core.InstrumentationErrors;
import io.llmobs.redact.PiiEntity;
import io.llmobs.redact.PiiMeters;
import io.llmobs.redact.PiiScanner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

class PiiEntityCounterTests {

	private static final String SYSTEM = "You are the support assistant. Escalate to support@example.com.";

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final AtomicInteger scans = new AtomicInteger();

	/** Finds "support@example.com" and counts the texts it scans. */
	private final PiiScanner scanner = new PiiScanner(List.of((text, found) -> {
		this.scans.incrementAndGet();
		int start = text.indexOf("support@example.com");
		if (start >= 0) {
			found.add(new PiiEntity("email", start, start + "support@example.com".length()));
		}
	}));

	private final PiiEntityCounter counter = new PiiEntityCounter(this.scanner,
			new PiiMeters(this.meters, List.of("email")), 10_000, new InstrumentationErrors(this.meters));

	@Test
	void sameSystemTextOnEveryCallIsCountedEveryTimeAndScannedOnce() {
		for (int i = 0; i < 3; i++) {
			this.counter.onStop(call(SYSTEM, "Question " + i));
		}
		assertThat(emails()).as("the system text's address, once per call").isEqualTo(3);
		assertThat(this.scans).as("the system text once, each question once").hasValue(1 + 3);
	}

	@Test
	void equalTextOfAnotherObjectIsScannedAgain() {
		this.counter.onStop(call(SYSTEM, "Question"));
		this.counter.onStop(call(new String(SYSTEM), "Question"));
		assertThat(emails()).isEqualTo(2);
		assertThat(this.scans).hasValue(3);
	}

	private double emails() {
		return this.meters.get(PiiMeters.ENTITIES).tag("type", "email").tag("direction", "input").counter().count();
	}

	private static ChatModelObservationContext call(String system, String question) {
		return ChatModelObservationContext.builder()
			.prompt(new Prompt(List.of(new SystemMessage(system), new UserMessage(question))))
			.provider("openai")
			.build();
	}

}
