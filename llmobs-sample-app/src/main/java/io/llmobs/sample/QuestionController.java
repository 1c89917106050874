package io.llmobs.sample;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * REST entry points of the question pipeline: {@code /api/ask} and
 * {@code /api/ask/stream}.
 */
@RestController
@RequestMapping("/api/ask")
public final class QuestionController {

	private static final Log logger = LogFactory.getLog(QuestionController.class);

	private static final String DEFAULT_TENANT = "acme";

	private final QuestionPipeline pipeline;

	private final AsyncTaskExecutor executor;

	/**
	 * Creates the controller.
	 * @param pipeline the question pipeline
	 * @param executor Spring Boot's task executor, where streamed answers run (it
	 * propagates the trace context)
	 */
	public QuestionController(QuestionPipeline pipeline,
			@Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
		this.pipeline = pipeline;
		this.executor = executor;
	}

	/**
	 * Classifies and answers a question.
	 * @param question the question
	 * @param tenant the tenant asking
	 * @return the category, the answer and its cost
	 */
	@GetMapping
	public Answer ask(@RequestParam("q") String question,
			@RequestParam(name = "tenant", defaultValue = DEFAULT_TENANT) String tenant) {
		return this.pipeline.ask(question, tenant);
	}

	/**
	 * Classifies a question and streams the answer as server-sent events: {@code chunk}
	 * events with the answer's pieces ({@code {"text": "..."}}, JSON so that leading
	 * spaces survive), then one {@code done} event with the whole {@link Answer}.
	 * @param question the question
	 * @param tenant the tenant asking
	 * @return the event stream
	 */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	public SseEmitter askStreaming(@RequestParam("q") String question,
			@RequestParam(name = "tenant", defaultValue = DEFAULT_TENANT) String tenant) {
		SseEmitter emitter = new SseEmitter(60_000L);
		this.executor.execute(() -> {
			try {
				Answer answer = this.pipeline.askStreaming(question, tenant, (chunk) -> send(emitter,
						SseEmitter.event().name("chunk").data(new AnswerChunk(chunk), MediaType.APPLICATION_JSON)));
				send(emitter, SseEmitter.event().name("done").data(answer, MediaType.APPLICATION_JSON));
				emitter.complete();
			}
			catch (RuntimeException ex) {
				logger.warn("Streamed answer failed: " + ex.getMessage());
				emitter.completeWithError(ex);
			}
		});
		return emitter;
	}

	/**
	 * One piece of a streamed answer.
	 *
	 * @param text the text of the piece
	 */
	public record AnswerChunk(String text) {
	}

	private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
