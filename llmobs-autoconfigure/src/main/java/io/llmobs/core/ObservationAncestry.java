package io.llmobs.core;

import java.util.function.BiFunction;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;

/**
 * Finds state that an enclosing observation (a task, a {@code ChatClient} call) left for
 * the observations nested in it, by walking up the parent chain.
 */
public final class ObservationAncestry {

	private static final int MAX_DEPTH = 64;

	private ObservationAncestry() {
	}

	/**
	 * The value stored under {@code type} in the nearest context, starting at the given
	 * one.
	 * @param context where to start
	 * @param type the key and type of the value
	 * @param <T> the value type
	 * @return the value, or {@code null} when no enclosing context holds one
	 */
	public static <T> @Nullable T find(Observation.@Nullable ContextView context, Class<T> type) {
		return walk(context, null, type, Observation.ContextView::get);
	}

	/**
	 * The value stored under {@code type} in the nearest context of the {@code holder}
	 * type that has one, starting at the given context. For a value that only contexts of
	 * that type hold (what llmobs keeps for a {@code ChatClient} call): the contexts in
	 * between, such as the advisors' around a model call, are passed over by their type
	 * instead of a look-up in each one's map.
	 * @param context where to start
	 * @param holder the type of the contexts that hold the value
	 * @param type the key and type of the value
	 * @param <T> the value type
	 * @return the value, or {@code null} when no enclosing context of that type holds one
	 */
	public static <T> @Nullable T find(Observation.@Nullable ContextView context,
			Class<? extends Observation.ContextView> holder, Class<T> type) {
		return walk(context, holder, type, Observation.ContextView::get);
	}

	/**
	 * The nearest context of the given type, starting at the given one.
	 * @param context where to start
	 * @param type the context type
	 * @param <C> the context type
	 * @return the context, or {@code null} when none encloses the given one
	 */
	public static <C extends Observation.ContextView> @Nullable C findContext(Observation.@Nullable ContextView context,
			Class<C> type) {
		return walk(context, null, type, ObservationAncestry::asType);
	}

	private static <C extends Observation.ContextView> @Nullable C asType(Observation.ContextView view, Class<C> type) {
		return type.isInstance(view) ? type.cast(view) : null;
	}

	/**
	 * The first non-null answer of {@code lookup}, from the given context up through its
	 * parents, asked of the contexts of the {@code holder} type only, or of all when it
	 * is {@code null}; the lookup takes the type as an argument so that it captures
	 * nothing and the walk allocates nothing.
	 */
	private static <T> @Nullable T walk(Observation.@Nullable ContextView context,
			@Nullable Class<? extends Observation.ContextView> holder, Class<T> type,
			BiFunction<Observation.ContextView, Class<T>, @Nullable T> lookup) {
		Observation.ContextView current = context;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			if (holder == null || holder.isInstance(current)) {
				T found = lookup.apply(current, type);
				if (found != null) {
					return found;
				}
			}
			ObservationView parent = current.getParentObservation();
			current = (parent != null) ? parent.getContextView() : null;
		}
		return null;
	}

}
