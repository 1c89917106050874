package io.llmobs.chat;

import org.jspecify.annotations.Nullable;

/**
 * What llmobs keeps in a model call's observation context, as one entry: its scope and
 * provider, resolved when it starts, and its accounting once it ended. One entry instead
 * of one per value saves the context's map a node and a look-up per value on every model
 * call.
 */
final class ModelCallState {

	private final ModelCallScope scope;

	private final String provider;

	/** Written when the call ends, maybe on the thread of a stream's last chunk. */
	private volatile @Nullable ModelCall accounted;

	ModelCallState(ModelCallScope scope, String provider) {
		this.scope = scope;
		this.provider = provider;
	}

	ModelCallScope scope() {
		return this.scope;
	}

	/** The {@code gen_ai.provider.name} value, resolved once per call. */
	String provider() {
		return this.provider;
	}

	@Nullable ModelCall accounted() {
		return this.accounted;
	}

	void accounted(@Nullable ModelCall call) {
		this.accounted = call;
	}

}
