package io.llmobs.core;

import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;

/**
 * The prompt of a chat call as metric tags: its name and version, already bounded by
 * {@link PromptTagValues}.
 *
 * @param name the {@code prompt} tag value
 * @param version the {@code prompt_version} tag value
 */
public record CallPrompt(String name, String version) {

	/** The tag key of the prompt's name. */
	public static final String NAME_TAG = "prompt";

	/** The tag key of the prompt's version. */
	public static final String VERSION_TAG = "prompt_version";

	/** The prompt of a call that names none. */
	public static final CallPrompt NONE = new CallPrompt(BoundedTagValues.NONE, BoundedTagValues.NONE);

	/** The prompt of a call whose name and version came after the limit. */
	public static final CallPrompt OTHER = new CallPrompt(BoundedTagValues.OTHER, BoundedTagValues.OTHER);

	/**
	 * The tags of this prompt, to add to a meter's.
	 * @return {@code prompt} and {@code prompt_version}
	 */
	public Tags tags() {
		return Tags.of(NAME_TAG, this.name, VERSION_TAG, this.version);
	}

	// Written out, as the meters' keys that hold a prompt are: a record's own equals and
	// hashCode are method-handle chains that the JIT leaves un-inlined there.
	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof CallPrompt that && this.name.equals(that.name)
				&& this.version.equals(that.version));
	}

	@Override
	public int hashCode() {
		return 31 * this.name.hashCode() + this.version.hashCode();
	}

}
