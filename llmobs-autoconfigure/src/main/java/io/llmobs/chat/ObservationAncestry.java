package io.llmobs.chat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;

/**
 * Finds state that an enclosing observation (a task, a {@code ChatClient} call) left for the observations nested
 * in it, by walking up the parent chain.
 */
final class ObservationAncestry {

	private static final int MAX_DEPTH = 64;

	private ObservationAncestry() {
	}

	/**
	 * The value stored under {@code type} in the nearest context, starting at the given one.
	 * @param context where to start
	 * @param type the key and type of the value
	 * @param <T> the value type
	 * @return the value, or {@code null} when no enclosing context holds one
	 */
	static <T> @Nullable T find(Observation.@Nullable ContextView context, Class<T> type) {
		Observation.ContextView current = context;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			T value = current.get(type);
			if (value != null) {
				return value;
			}
			ObservationView parent = current.getParentObservation();
			current = (parent != null) ? parent.getContextView() : null;
		}
		return null;
	}

	/**
	 * The nearest context of the given type, starting at the given one.
	 * @param context where to start
	 * @param type the context type
	 * @param <C> the context type
	 * @return the context, or {@code null} when none encloses the given one
	 */
	static <C extends Observation.ContextView> @Nullable C findContext(Observation.@Nullable ContextView context,
			Class<C> type) {
		Observation.ContextView current = context;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			ObservationView parent = current.getParentObservation();
			current = (parent != null) ? parent.getContextView() : null;
		}
		return null;
	}

}
