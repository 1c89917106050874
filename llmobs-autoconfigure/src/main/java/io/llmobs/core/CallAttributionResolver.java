package io.llmobs.core;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Resolves the {@link CallAttribution} of a call from its advisor parameters, the
 * {@link TenantResolver} and the defaults, bounding both values.
 */
public final class CallAttributionResolver {

	/**
	 * Where the application's {@link TenantResolver} report failures in
	 * {@code llmobs.instrumentation.errors}.
	 */
	public static final InstrumentationErrors.Component COMPONENT = new InstrumentationErrors.Component(
			"tenant_resolver");

	private final String defaultStage;

	private final BoundedTagValues stages;

	private final BoundedTagValues tenants;

	private final @Nullable TenantResolver tenantResolver;

	private final InstrumentationErrors errors;

	/**
	 * Creates a resolver.
	 * @param defaultStage stage of calls that name none
	 * @param stages bounded stage values
	 * @param tenants bounded tenant values
	 * @param tenantResolver the application's tenant resolver, or {@code null}
	 * @param errors where a failing tenant resolver is reported
	 */
	public CallAttributionResolver(String defaultStage, BoundedTagValues stages, BoundedTagValues tenants,
			@Nullable TenantResolver tenantResolver, InstrumentationErrors errors) {
		this.defaultStage = defaultStage;
		this.stages = stages;
		this.tenants = tenants;
		this.tenantResolver = tenantResolver;
		this.errors = errors.register(COMPONENT);
	}

	/**
	 * The attribution of a call with the given advisor parameters.
	 * @param params the advisor context of a {@code ChatClient} call
	 * @return the attribution
	 */
	public CallAttribution resolve(Map<String, ? extends @Nullable Object> params) {
		Object stage = params.get(LlmObsParams.STAGE);
		Object tenant = params.get(LlmObsParams.TENANT);
		return new CallAttribution(this.stages.bound((stage != null) ? stage.toString() : this.defaultStage),
				this.tenants.bound((tenant != null) ? tenant.toString() : resolveTenant()));
	}

	/**
	 * The attribution of a call that carries no parameters, such as a direct
	 * {@code ChatModel} call.
	 * @return the attribution
	 */
	public CallAttribution resolveDefault() {
		return resolve(Map.of());
	}

	// A null fallback is a valid T (T extends @Nullable Object), which only NullAway's
	// JSpecify mode can see.
	@SuppressWarnings("NullAway")
	private @Nullable String resolveTenant() {
		TenantResolver resolver = this.tenantResolver;
		return (resolver != null) ? this.errors.call(COMPONENT, resolver, TenantResolver::resolveTenant, null) : null;
	}

}
