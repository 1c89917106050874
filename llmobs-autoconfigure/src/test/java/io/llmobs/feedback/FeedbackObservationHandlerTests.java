package io.llmobs.feedback;

import java.time.Duration;
import java.util.Map;

import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.LlmObsParams;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The judge's calls, which run later in the judged call's trace, never become part of the
 * user's interaction.
 */
class FeedbackObservationHandlerTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());

	private final FeedbackObservationHandler handler = new FeedbackObservationHandler(
			new Interactions(100, Duration.ofMinutes(1), this.meters.config().clock(), null),
			new InstrumentationErrors(this.meters));

	@Test
	void handlesTheUsersCalls() {
		assertThat(this.handler.supportsContext(context(Map.of()))).isTrue();
	}

	@Test
	void ignoresTheJudgesCalls() {
		assertThat(this.handler.supportsContext(context(Map.of(LlmObsParams.JUDGE_SKIP, true)))).isFalse();
	}

	private static ChatClientObservationContext context(Map<String, Object> params) {
		return ChatClientObservationContext.builder()
			.request(new ChatClientRequest(new Prompt("Where is my parcel?"), params))
			.build();
	}

}
