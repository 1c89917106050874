package io.llmobs.sample;

import io.llmobs.feedback.FeedbackOutcome;
import io.llmobs.feedback.FeedbackRecorder;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/feedback}: what the user did with an answer, against the trace id of
 * the request that produced it (or the response id of one of its model calls).
 */
@RestController
@RequestMapping("/api/feedback")
public final class FeedbackController {

	private final FeedbackRecorder feedback;

	/**
	 * Creates the controller.
	 * @param feedback the llmobs feedback recorder
	 */
	public FeedbackController(FeedbackRecorder feedback) {
		this.feedback = feedback;
	}

	/**
	 * Records feedback.
	 * @param request the id and the outcome ({@code accepted}, {@code edited},
	 * {@code regenerated}, {@code abandoned}, {@code thumbs_up} or {@code thumbs_down})
	 * @return whether the id was known; unknown (or expired) ids are counted, not
	 * rejected
	 */
	@PostMapping
	public FeedbackResult record(@RequestBody FeedbackRequest request) {
		return new FeedbackResult(this.feedback.record(request.id(), FeedbackOutcome.of(request.outcome())));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	FeedbackResult unknownOutcome() {
		return new FeedbackResult(false);
	}

	/**
	 * Feedback on an answer.
	 *
	 * @param id the trace id of the request, or a response id
	 * @param outcome what the user did
	 */
	public record FeedbackRequest(String id, String outcome) {
	}

	/**
	 * The result of recording feedback.
	 *
	 * @param known whether the id belonged to a recent call
	 */
	public record FeedbackResult(boolean known) {
	}

}
