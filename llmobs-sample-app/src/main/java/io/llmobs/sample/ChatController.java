package io.llmobs.sample;

import io.llmobs.core.LlmObsParams;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.InMemoryChatMemoryRepository;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A multi-turn chat with memory, {@code GET /api/chat?conversation=...&q=...}: Spring
 * AI's chat memory sends each conversation's history with every turn, and llmobs puts the
 * conversation on the spans and on {@code /actuator/llmobs}.
 */
@RestController
@RequestMapping("/api/chat")
public final class ChatController {

	private static final String SYSTEM = "You are the support assistant of a parcel delivery company. Answer briefly.";

	/** Messages of a conversation that memory keeps and sends: its last 20. */
	private static final int MAX_MESSAGES = 20;

	private final ChatClient chatClient;

	private final ObjectProvider<Tracer> tracer;

	/**
	 * Creates the controller.
	 * @param chatClientBuilder the auto-configured builder, instrumented by llmobs
	 * @param tracer the tracer, whose current trace id the reply carries for feedback
	 */
	public ChatController(ChatClient.Builder chatClientBuilder, ObjectProvider<Tracer> tracer) {
		ChatMemory memory = MessageWindowChatMemory.builder()
			.chatMemoryRepository(new InMemoryChatMemoryRepository())
			.maxMessages(MAX_MESSAGES)
			.build();
		this.chatClient = chatClientBuilder.defaultSystem(SYSTEM)
			.defaultAdvisors(MessageChatMemoryAdvisor.builder(memory).build())
			.build();
		this.tracer = tracer;
	}

	/**
	 * Answers one message of a conversation, with the conversation's history.
	 * @param conversation the conversation id, chosen by the client
	 * @param question the user's message
	 * @return the answer, with the ids that feedback and trace queries use
	 */
	@GetMapping
	public ChatReply chat(@RequestParam("conversation") String conversation, @RequestParam("q") String question) {
		String answer = this.chatClient.prompt(question)
			.advisors((a) -> a.param(ChatMemory.CONVERSATION_ID, conversation).param(LlmObsParams.STAGE, "chat"))
			.call()
			.content();
		return new ChatReply(conversation, (answer != null) ? answer : "", traceId());
	}

	private @Nullable String traceId() {
		Tracer current = this.tracer.getIfAvailable();
		Span span = (current != null) ? current.currentSpan() : null;
		return (span != null) ? span.context().traceId() : null;
	}

	/**
	 * One answer of a conversation.
	 *
	 * @param conversation the conversation id ({@code gen_ai.conversation.id} on the
	 * spans)
	 * @param answer the model's answer
	 * @param traceId the trace of this turn, the id to send feedback on; {@code null}
	 * without tracing
	 */
	public record ChatReply(String conversation, String answer, @Nullable String traceId) {
	}

}
