package io.llmobs.sample.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An Anthropic-compatible Messages endpoint served by the sample itself: point
 * {@code spring.ai.anthropic.base-url} at {@code http://localhost:8080/simulator} (the
 * Anthropic SDK appends {@code /v1/messages}). The same {@link ChatSimulator} answers as
 * on the OpenAI wire, translated by {@link AnthropicWire}. Off in the {@code openai}
 * profile.
 */
@RestController
@Profile("!openai")
public final class AnthropicSimulatorController {

	private final ChatSimulator chat;

	private final AnthropicWire wire;

	private final JsonMapper jsonMapper;

	private final AtomicLong ids = new AtomicLong();

	/**
	 * Creates the controller.
	 * @param chat the chat model stand-in
	 * @param jsonMapper reads and writes the wire format
	 */
	public AnthropicSimulatorController(ChatSimulator chat, JsonMapper jsonMapper) {
		this.chat = chat;
		this.wire = new AnthropicWire(jsonMapper);
		this.jsonMapper = jsonMapper;
	}

	/**
	 * {@code POST /simulator/v1/messages}: a JSON message, or server-sent events when
	 * {@code "stream": true}.
	 * @param request the request body
	 * @param response where the answer is written
	 * @throws IOException when the client went away
	 */
	@PostMapping("/simulator/v1/messages")
	public void messages(@RequestBody JsonNode request, HttpServletResponse response) throws IOException {
		ChatSimulator.Completion completion = this.chat.complete(this.wire.chatRequest(request));
		String id = "msg_sim" + this.ids.incrementAndGet();
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (!request.path("stream").asBoolean(false)) {
			SimulatedLatency.pause(completion.wholeAnswerDelay());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			this.jsonMapper.writeValue(response.getOutputStream(), this.wire.message(id, completion));
			return;
		}
		response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
		response.setHeader("Cache-Control", "no-cache");
		OutputStream out = response.getOutputStream();
		SimulatedLatency.pause(completion.timeToFirstToken());
		List<AnthropicWire.Event> events = this.wire.events(id, completion);
		for (AnthropicWire.Event event : events) {
			out.write(
					("event: " + event.name() + "\ndata: " + this.jsonMapper.writeValueAsString(event.data()) + "\n\n")
						.getBytes(StandardCharsets.UTF_8));
			out.flush();
			if (event.name().equals("content_block_delta")) {
				SimulatedLatency.pause(completion.interChunkDelay());
			}
		}
	}

}
