package io.llmobs.core;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ObservationAncestryTests {

	private final ObservationRegistry registry = ObservationRegistry.create();

	ObservationAncestryTests() {
		this.registry.observationConfig().observationHandler((context) -> true);
	}

	@Test
	void valueOfACallIsFoundFromAnObservationNestedInItAndFromTheCallItself() {
		CallContext call = new CallContext();
		call.put(String.class, "the call's");
		Observation.Context model = nested(new Observation.Context(), nested(new Observation.Context(), call));
		assertThat(ObservationAncestry.find(model, CallContext.class, String.class)).isEqualTo("the call's");
		assertThat(ObservationAncestry.find(call, CallContext.class, String.class)).isEqualTo("the call's");
		assertThat(ObservationAncestry.find(model, String.class)).as("by key alone, too").isEqualTo("the call's");
	}

	@Test
	void nearestCallThatHoldsTheValueWins() {
		CallContext outer = new CallContext();
		outer.put(String.class, "outer");
		CallContext inner = nested(new CallContext(), nested(new Observation.Context(), outer));
		inner.put(String.class, "inner");
		Observation.Context model = nested(new Observation.Context(), inner);
		assertThat(ObservationAncestry.find(model, CallContext.class, String.class)).isEqualTo("inner");
		inner.remove(String.class);
		assertThat(ObservationAncestry.find(model, CallContext.class, String.class))
			.as("a call without the value is passed over, as by key alone")
			.isEqualTo("outer")
			.isEqualTo(ObservationAncestry.find(model, String.class));
	}

	@Test
	void contextsOfOtherTypesAreNotLookedInto() {
		Observation.Context advisor = nested(new Observation.Context(), new CallContext());
		advisor.put(String.class, "the advisor's");
		Observation.Context model = nested(new Observation.Context(), advisor);
		assertThat(ObservationAncestry.find(model, CallContext.class, String.class)).isNull();
		assertThat(ObservationAncestry.find(model, String.class)).isEqualTo("the advisor's");
	}

	@Test
	void nothingIsFoundWithoutAnEnclosingCall() {
		Observation.Context model = nested(new Observation.Context(), new Observation.Context());
		assertThat(ObservationAncestry.find(model, CallContext.class, String.class)).isNull();
		assertThat(ObservationAncestry.find(null, CallContext.class, String.class)).isNull();
		assertThat(ObservationAncestry.findContext(model, CallContext.class)).isNull();
	}

	/** Gives {@code child} an observation of {@code parent} as its parent. */
	private <C extends Observation.Context> C nested(C child, Observation.Context parent) {
		child.setParentObservation(Observation.createNotStarted("parent", () -> parent, this.registry));
		return child;
	}

	/** Stands for the context of a {@code ChatClient} call. */
	private static final class CallContext extends Observation.Context {

	}

}
