package io.llmobs.judge;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Puts judgements in the judged call's trace: captures its span when the judgement is
 * queued, and opens a child span for the judgement on the judge's thread that carries the
 * {@code gen_ai.evaluation.result} events.
 */
interface JudgeTracing {

	/** Tracing off: nothing captured, nothing recorded. */
	JudgeTracing NONE = new JudgeTracing() {

		@Override
		public @Nullable TraceParent capture(Observation.@Nullable ContextView observation) {
			return null;
		}

		@Override
		public JudgeSpan start(@Nullable TraceParent parent, String name) {
			return JudgeSpan.NONE;
		}

	};

	/**
	 * Captures the span of a judged call, on the thread that ends it.
	 * @param observation the call's observation, or one within it
	 * @return the span's identity, or {@code null} when it has none
	 */
	@Nullable TraceParent capture(Observation.@Nullable ContextView observation);

	/**
	 * Opens the span of a judgement and makes it current on this thread until it is
	 * closed.
	 * @param parent the judged call's span, or {@code null}
	 * @param name the span's name
	 * @return the span
	 */
	JudgeSpan start(@Nullable TraceParent parent, String name);

	/**
	 * The span of one judgement.
	 */
	interface JudgeSpan extends AutoCloseable {

		/** A span that records nothing. */
		JudgeSpan NONE = new JudgeSpan() {

			@Override
			public void verdict(JudgeVerdict verdict) {
			}

			@Override
			public void failed(JudgeOutcome outcome) {
			}

			@Override
			public void close() {
			}

		};

		/**
		 * Records one {@code gen_ai.evaluation.result} event per criterion.
		 * @param verdict the verdict
		 */
		void verdict(JudgeVerdict verdict);

		/**
		 * Marks the judgement failed.
		 * @param outcome how it failed
		 */
		void failed(JudgeOutcome outcome);

		/** Ends the span. */
		@Override
		void close();

	}

}
