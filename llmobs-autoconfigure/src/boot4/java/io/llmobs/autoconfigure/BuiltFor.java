package io.llmobs.autoconfigure;

/**
 * The Spring line this build of llmobs is for, which {@link SpringLineCheck} checks the
 * application against.
 */
final class BuiltFor {

	static final SpringLineCheck.Line LINE = SpringLineCheck.Line.BOOT_4;

	private BuiltFor() {
	}

}
