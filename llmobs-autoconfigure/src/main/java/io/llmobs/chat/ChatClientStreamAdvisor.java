package io.llmobs.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.core.Ordered;

/**
 * The outermost stream advisor of an instrumented {@code ChatClient}: notes the first
 * non-empty chunk and the provider's usage that chunks report (cache and reasoning tokens
 * included, which Spring AI's stream aggregation drops), and records
 * {@code llmobs.chat.ttft} and {@code llmobs.chat} when the stream completes, fails or is
 * cancelled. It takes part in streams only, so {@code call()} pays nothing for it:
 * {@link ChatClientMetricsHandler} records those.
 */
final class ChatClientStreamAdvisor implements StreamAdvisor, LlmObsAdvisor {

	/**
	 * Outside chat memory ({@code +200}) and the tool loop ({@code +300}), so one stream
	 * spans all iterations.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private static final String NAME = "llmobs";

	private final ChatCallRecorder recorder;

	/**
	 * Creates the advisor.
	 * @param recorder starts and records the calls
	 */
	ChatClientStreamAdvisor(ChatCallRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		return Flux.deferContextual((contextView) -> {
			Observation current = contextView.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			Observation.Context observation = (current != null) ? current.getContext() : null;
			ChatCall call = call(request, observation);
			call.streamAdvised();
			AtomicReference<@Nullable ChatClientResponse> last = new AtomicReference<>();
			List<String> chunks = this.recorder.hasListeners() ? new ArrayList<>() : null;
			return chain.nextStream(request).doOnNext((chunk) -> {
				ChatResponse chatResponse = chunk.chatResponse();
				last.set(chunk);
				if (chatResponse != null) {
					if (chunks != null) {
						String text = FinishedChatCall.text(chatResponse);
						if (!text.isEmpty()) {
							chunks.add(text);
						}
					}
					if (!call.hasFirstToken() && hasText(chatResponse)) {
						this.recorder.firstToken(call, observation);
					}
					Usage usage = chatResponse.getMetadata().getUsage();
					if (TokenUsages.reportsTokens(usage)) {
						call.streamedUsage(usage);
					}
				}
			})
				.doOnComplete(() -> finish(call, request, last.get(), chunks, ChatOutcome.SUCCESS, null, observation))
				.doOnError((ex) -> finish(call, request, last.get(), chunks, ChatOutcome.ERROR, ex, observation))
				.doOnCancel(() -> finish(call, request, last.get(), chunks, ChatOutcome.CANCELLED, null, observation));
		});
	}

	private void finish(ChatCall call, ChatClientRequest request, @Nullable ChatClientResponse last,
			@Nullable List<String> chunks, ChatOutcome outcome, @Nullable Throwable error,
			Observation.@Nullable Context observation) {
		// the model calls that stopped before: their meters and spans
		for (Runnable held : call.streamEnded()) {
			held.run();
		}
		this.recorder.finish(call, request, (last != null) ? last.chatResponse() : null,
				(last != null) ? last.context() : Map.of(), (chunks != null) ? chunks : List.of(), outcome, error,
				observation);
	}

	/** The call that the observed {@code ChatClient} started, else one of our own. */
	private ChatCall call(ChatClientRequest request, Observation.@Nullable Context context) {
		ChatCall call = ChatCalls.enclosing(context);
		return (call != null) ? call : this.recorder.start(request.context(), context);
	}

	private static boolean hasText(ChatResponse response) {
		for (Generation generation : response.getResults()) {
			String text = generation.getOutput().getText();
			if (text != null && !text.isEmpty()) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
