package io.llmobs.chat;

import org.jspecify.annotations.Nullable;

/**
 * What llmobs keeps in a model call's observation context, as one entry: its scope,
 * resolved when it starts, and its accounting once it ended. One entry instead of one per
 * value saves the context's map a node and a look-up per value on every model call.
 */
final class ModelCallState {

	private final ModelCallScope scope;

	/** Written when the call ends, maybe on the thread of a stream's last chunk. */
	private volatile @Nullable ModelCall accounted;

	ModelCallState(ModelCallScope scope) {
		this.scope = scope;
	}

	ModelCallScope scope() {
		return this.scope;
	}

	@Nullable ModelCall accounted() {
		return this.accounted;
	}

	void accounted(@Nullable ModelCall call) {
		this.accounted = call;
	}

}
