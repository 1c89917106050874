package io.llmobs.chat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Clock;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.core.Ordered;

/**
 * The outermost stream advisor of an instrumented {@code ChatClient}: records {@code llmobs.chat.ttft} at the first
 * non-empty chunk and {@code llmobs.chat} when the stream completes, fails or is cancelled. It takes part in streams
 * only, so {@code call()} pays nothing for it: {@link ChatClientMetricsHandler} records those.
 */
public final class ChatClientStreamAdvisor implements StreamAdvisor {

	/** Outside chat memory ({@code +200}) and the tool loop ({@code +300}), so one stream spans all iterations. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private static final String NAME = "llmobs";

	private final CallAttributionResolver attributionResolver;

	private final BoundedTagValues models;

	private final ChatMeters meters;

	private final InstrumentationErrors errors;

	private final Clock clock;

	/**
	 * Creates the advisor.
	 * @param attributionResolver resolves stage and tenant of streams whose {@code ChatClient} is not observed
	 * @param models bounded model tag values
	 * @param meters the chat meters
	 * @param errors where failures inside llmobs are reported
	 * @param clock the clock of the meter registry
	 */
	public ChatClientStreamAdvisor(CallAttributionResolver attributionResolver, BoundedTagValues models,
			ChatMeters meters, InstrumentationErrors errors, Clock clock) {
		this.attributionResolver = attributionResolver;
		this.models = models;
		this.meters = meters;
		this.errors = errors;
		this.clock = clock;
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		return Flux.deferContextual((contextView) -> {
			ChatCall call = call(request, contextView.getOrDefault(ObservationThreadLocalAccessor.KEY, null));
			AtomicBoolean firstTokenSeen = new AtomicBoolean();
			AtomicReference<@Nullable ChatResponse> last = new AtomicReference<>();
			return chain.nextStream(request).doOnNext((chunk) -> {
				ChatResponse chatResponse = chunk.chatResponse();
				if (chatResponse != null) {
					last.set(chatResponse);
					if (!firstTokenSeen.get() && hasText(chatResponse) && firstTokenSeen.compareAndSet(false, true)) {
						firstToken(call, request, chatResponse);
					}
				}
			})
				.doOnComplete(() -> finish(call, request, last.get(), ChatOutcome.SUCCESS))
				.doOnError((ex) -> finish(call, request, last.get(), ChatOutcome.ERROR))
				.doOnCancel(() -> finish(call, request, last.get(), ChatOutcome.CANCELLED));
		});
	}

	/** The call that the observed {@code ChatClient} started, else one of our own. */
	private ChatCall call(ChatClientRequest request, @Nullable Observation current) {
		try {
			Observation.Context context = (current != null) ? current.getContext() : null;
			ChatCall call = ObservationAncestry.find(context, ChatCall.class);
			return (call != null) ? call
					: new ChatCall(this.attributionResolver.resolve(request.context()),
							ObservationAncestry.findContext(context, LlmTaskContext.class), this.clock.monotonicTime());
		}
		catch (RuntimeException ex) {
			this.errors.record(InstrumentationErrors.Component.CHAT_CLIENT, ex);
			return new ChatCall(new CallAttribution(BoundedTagValues.NONE, BoundedTagValues.NONE), null,
					this.clock.monotonicTime());
		}
	}

	private void firstToken(ChatCall call, ChatClientRequest request, ChatResponse chunk) {
		try {
			this.meters.recordTimeToFirstToken(call.model(this.models, request, chunk), call.provider(),
					call.attribution().stage(), this.clock.monotonicTime() - call.startNanos());
		}
		catch (RuntimeException ex) {
			this.errors.record(InstrumentationErrors.Component.CHAT_CLIENT, ex);
		}
	}

	private void finish(ChatCall call, ChatClientRequest request, @Nullable ChatResponse response,
			ChatOutcome outcome) {
		try {
			this.meters.recordChat(call.model(this.models, request, response), call.provider(), call.attribution(),
					outcome, this.clock.monotonicTime() - call.startNanos());
		}
		catch (RuntimeException ex) {
			this.errors.record(InstrumentationErrors.Component.CHAT_CLIENT, ex);
		}
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
