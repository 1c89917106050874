package io.llmobs.sample.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An Ollama-compatible chat endpoint served by the sample itself: point
 * {@code spring.ai.ollama.base-url} at {@code http://localhost:8080/simulator} (the
 * client appends {@code /api/chat}). The same {@link ChatSimulator} answers as on the
 * OpenAI wire, translated by {@link OllamaWire}. Off in the {@code openai} profile.
 */
@RestController
@Profile("!openai")
public final class OllamaSimulatorController {

	/** Ollama streams newline-delimited JSON. */
	private static final String NDJSON = "application/x-ndjson";

	private final ChatSimulator chat;

	private final OllamaWire wire;

	private final JsonMapper jsonMapper;

	/**
	 * Creates the controller.
	 * @param chat the chat model stand-in
	 * @param jsonMapper reads and writes the wire format
	 */
	public OllamaSimulatorController(ChatSimulator chat, JsonMapper jsonMapper) {
		this.chat = chat;
		this.wire = new OllamaWire(jsonMapper, Clock.systemUTC());
		this.jsonMapper = jsonMapper;
	}

	/**
	 * {@code POST /simulator/api/chat}: one JSON response, or newline-delimited JSON
	 * lines unless {@code "stream": false} (Ollama streams by default).
	 * @param request the request body
	 * @param response where the answer is written
	 * @throws IOException when the client went away
	 */
	@PostMapping("/simulator/api/chat")
	public void chat(@RequestBody JsonNode request, HttpServletResponse response) throws IOException {
		ChatSimulator.Completion completion = this.chat.complete(this.wire.chatRequest(request));
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (!request.path("stream").asBoolean(true)) {
			SimulatedLatency.pause(completion.wholeAnswerDelay());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			this.jsonMapper.writeValue(response.getOutputStream(), this.wire.response(completion));
			return;
		}
		response.setContentType(NDJSON);
		OutputStream out = response.getOutputStream();
		SimulatedLatency.pause(completion.timeToFirstToken());
		for (ObjectNode line : this.wire.lines(completion)) {
			out.write((this.jsonMapper.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
			out.flush();
			SimulatedLatency.pause(completion.interChunkDelay());
		}
	}

}
