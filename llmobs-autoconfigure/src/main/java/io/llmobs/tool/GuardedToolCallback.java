package io.llmobs.tool;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.metadata.ToolMetadata;

/**
 * A tool decorated by its {@link ToolGuard}: its definition and metadata are the tool's,
 * its calls go through the guard, counted in the turn they belong to when there is one.
 */
final class GuardedToolCallback implements ToolCallback {

	private final ToolCallback delegate;

	private final ToolGuard guard;

	private final @Nullable ToolLoop loop;

	GuardedToolCallback(ToolCallback delegate, ToolGuard guard, @Nullable ToolLoop loop) {
		this.delegate = delegate;
		this.guard = guard;
		this.loop = loop;
	}

	ToolCallback delegate() {
		return this.delegate;
	}

	@Override
	public ToolDefinition getToolDefinition() {
		return this.delegate.getToolDefinition();
	}

	@Override
	public ToolMetadata getToolMetadata() {
		return this.delegate.getToolMetadata();
	}

	@Override
	public String call(String toolInput) {
		return call(toolInput, null);
	}

	@Override
	public String call(String toolInput, @Nullable ToolContext toolContext) {
		return this.guard.call(this.delegate, this.loop, toolInput, toolContext);
	}

}
