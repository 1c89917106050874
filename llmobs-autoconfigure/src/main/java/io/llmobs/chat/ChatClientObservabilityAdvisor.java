package io.llmobs.chat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Clock;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.core.Ordered;

/**
 * The outermost advisor of an instrumented {@code ChatClient}: resolves the call's stage and tenant once, shares
 * them with the model calls nested in it, and records {@code llmobs.chat} and, for streams,
 * {@code llmobs.chat.ttft}.
 */
public final class ChatClientObservabilityAdvisor implements CallAdvisor, StreamAdvisor {

	/** Outside chat memory ({@code +200}) and the tool loop ({@code +300}), so one call spans all iterations. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private static final String NAME = "llmobs";

	private final ObservationRegistry observationRegistry;

	private final CallAttributionResolver attributionResolver;

	private final BoundedTagValues models;

	private final ChatMeters meters;

	private final InstrumentationErrors errors;

	private final Clock clock;

	/**
	 * Creates the advisor.
	 * @param observationRegistry the registry whose current observation is the {@code ChatClient} call
	 * @param attributionResolver resolves stage and tenant
	 * @param models bounded model tag values
	 * @param meters the chat meters
	 * @param errors where failures inside llmobs are reported
	 * @param clock the clock of the meter registry
	 */
	public ChatClientObservabilityAdvisor(ObservationRegistry observationRegistry, CallAttributionResolver attributionResolver,
			BoundedTagValues models, ChatMeters meters, InstrumentationErrors errors, Clock clock) {
		this.observationRegistry = observationRegistry;
		this.attributionResolver = attributionResolver;
		this.models = models;
		this.meters = meters;
		this.errors = errors;
		this.clock = clock;
	}

	@Override
	public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		ChatCall call = start(request, this.observationRegistry.getCurrentObservation());
		long start = this.clock.monotonicTime();
		ChatClientResponse response;
		try {
			response = chain.nextCall(request);
		}
		catch (RuntimeException | Error ex) {
			finish(call, request, null, ChatOutcome.ERROR, start);
			throw ex;
		}
		finish(call, request, response.chatResponse(), ChatOutcome.SUCCESS, start);
		return response;
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		return Flux.deferContextual((contextView) -> {
			ChatCall call = start(request, contextView.getOrDefault(ObservationThreadLocalAccessor.KEY, null));
			long start = this.clock.monotonicTime();
			AtomicBoolean firstTokenSeen = new AtomicBoolean();
			AtomicReference<@Nullable ChatResponse> last = new AtomicReference<>();
			return chain.nextStream(request).doOnNext((chunk) -> {
				ChatResponse chatResponse = chunk.chatResponse();
				if (chatResponse != null) {
					last.set(chatResponse);
					if (!firstTokenSeen.get() && hasText(chatResponse) && firstTokenSeen.compareAndSet(false, true)) {
						firstToken(call, request, chatResponse, start);
					}
				}
			})
				.doOnComplete(() -> finish(call, request, last.get(), ChatOutcome.SUCCESS, start))
				.doOnError((ex) -> finish(call, request, last.get(), ChatOutcome.ERROR, start))
				.doOnCancel(() -> finish(call, request, last.get(), ChatOutcome.CANCELLED, start));
		});
	}

	private ChatCall start(ChatClientRequest request, @Nullable Observation current) {
		ChatCall call;
		try {
			call = new ChatCall(this.attributionResolver.resolve(request.context()));
			ChatClientObservationContext chatClientContext = ObservationAncestry
				.findContext((current != null) ? current.getContext() : null, ChatClientObservationContext.class);
			if (chatClientContext != null) {
				chatClientContext.put(ChatCall.class, call);
			}
		}
		catch (RuntimeException ex) {
			this.errors.record(InstrumentationErrors.Component.ADVISOR, ex);
			call = new ChatCall(new CallAttribution(BoundedTagValues.NONE, BoundedTagValues.NONE));
		}
		return call;
	}

	private void firstToken(ChatCall call, ChatClientRequest request, ChatResponse chunk, long start) {
		try {
			this.meters.recordTimeToFirstToken(model(call, request, chunk), provider(call), call.attribution().stage(),
					this.clock.monotonicTime() - start);
		}
		catch (RuntimeException ex) {
			this.errors.record(InstrumentationErrors.Component.ADVISOR, ex);
		}
	}

	private void finish(ChatCall call, ChatClientRequest request, @Nullable ChatResponse response,
			ChatOutcome outcome, long start) {
		try {
			this.meters.recordChat(model(call, request, response), provider(call), call.attribution(), outcome,
					this.clock.monotonicTime() - start);
		}
		catch (RuntimeException ex) {
			this.errors.record(InstrumentationErrors.Component.ADVISOR, ex);
		}
	}

	/** The response's model, else the model the last model call asked for, else the client's option. */
	private String model(ChatCall call, ChatClientRequest request, @Nullable ChatResponse response) {
		String model = (response != null) ? response.getMetadata().getModel() : null;
		if (model == null || model.isBlank()) {
			model = call.requestModel();
		}
		if (model == null) {
			ChatOptions options = request.prompt().getOptions();
			model = (options != null) ? options.getModel() : null;
		}
		return this.models.bound(model);
	}

	private static String provider(ChatCall call) {
		String provider = call.provider();
		return (provider != null) ? provider : ProviderNames.UNKNOWN;
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
