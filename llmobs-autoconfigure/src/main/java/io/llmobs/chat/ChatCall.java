package io.llmobs.chat;

import org.jspecify.annotations.Nullable;

/**
 * State of one {@code ChatClient} call that its model calls share: the attribution resolved once when the call
 * starts, and the provider and requested model that the latest model call reported when it started.
 */
final class ChatCall {

	private final CallAttribution attribution;

	private volatile @Nullable String provider;

	private volatile @Nullable String requestModel;

	ChatCall(CallAttribution attribution) {
		this.attribution = attribution;
	}

	CallAttribution attribution() {
		return this.attribution;
	}

	void modelCallStarted(String provider, @Nullable String requestModel) {
		this.provider = provider;
		this.requestModel = requestModel;
	}

	@Nullable String provider() {
		return this.provider;
	}

	@Nullable String requestModel() {
		return this.requestModel;
	}

}
