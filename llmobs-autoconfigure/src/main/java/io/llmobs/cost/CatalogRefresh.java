package io.llmobs.cost;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Loads the catalog that {@code llmobs.catalog.location} names into the
 * {@link ModelCatalog}, at start-up and then on a schedule, off the request path.
 * <p>
 * A load that fails, or reads an invalid catalog, keeps the catalog loaded before (else
 * the bundled one), is counted in {@code llmobs.catalog.refreshes{outcome=failure}},
 * shows in {@link ModelCatalog#getStatus()} and is logged once until a load succeeds
 * again.
 */
public final class CatalogRefresh implements AutoCloseable {

	/** Counter of loads, tagged {@code outcome} ({@code success}, {@code failure}). */
	public static final String METER_NAME = "llmobs.catalog.refreshes";

	/** The property that names the location, in the messages a user reads. */
	private static final String PROPERTY = "llmobs.catalog.location";

	private static final Log logger = LogFactory.getLog(CatalogRefresh.class);

	private final ModelCatalog catalog;

	private final CatalogLocation location;

	private final Clock clock;

	private final @Nullable Counter successes;

	private final @Nullable Counter failures;

	private final AtomicBoolean failing = new AtomicBoolean();

	private volatile @Nullable ScheduledExecutorService scheduler;

	/**
	 * Creates the refresh of a catalog.
	 * @param catalog the catalog to load into
	 * @param location {@code classpath:}, {@code file:}, {@code http:} or {@code https:}
	 * @param timeout the longest an HTTP load may take, connection and whole body
	 * included
	 * @param registry where the loads are counted, or {@code null} when the application
	 * has no meter registry
	 * @throws IllegalArgumentException when the location is not supported
	 */
	public CatalogRefresh(ModelCatalog catalog, String location, Duration timeout, @Nullable MeterRegistry registry) {
		this(catalog, new CatalogLocation(location, timeout), registry, Clock.systemUTC());
	}

	CatalogRefresh(ModelCatalog catalog, CatalogLocation location, @Nullable MeterRegistry registry, Clock clock) {
		this.catalog = catalog;
		this.location = location;
		this.clock = clock;
		this.successes = (registry != null) ? counter(registry, "success") : null;
		this.failures = (registry != null) ? counter(registry, "failure") : null;
		catalog.report(CatalogStatus.notLoaded(location.display()));
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder(METER_NAME)
			.tag("outcome", outcome)
			.description("Loads of the model catalog from llmobs.catalog.location")
			.register(registry);
	}

	/**
	 * Whether a location can be loaded from: a {@code classpath:} or {@code file:}
	 * location, or an {@code http:} or {@code https:} URI with a host.
	 * @param location the location
	 * @return {@code true} when it is supported
	 */
	public static boolean supports(String location) {
		return CatalogLocation.supports(location);
	}

	/**
	 * The first load. A catalog on this machine ({@code classpath:}, {@code file:}) that
	 * cannot be read or is invalid fails start-up, as it is a mistake in the application;
	 * a remote one that cannot be loaded leaves the bundled catalog in use until a
	 * refresh succeeds.
	 * @throws IllegalStateException naming {@code llmobs.catalog.location} when a local
	 * catalog cannot be loaded
	 */
	public void loadAtStartup() {
		if (this.location.isRemote()) {
			refresh();
			return;
		}
		try {
			load();
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException(
					PROPERTY + " '" + this.location.display() + "' cannot be loaded: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Loads the catalog again; a failure keeps the catalog in use.
	 * @return {@code true} when the catalog was loaded
	 */
	public boolean refresh() {
		try {
			load();
			if (this.failing.getAndSet(false)) {
				logger.info("The model catalog at " + this.location.display() + " loads again");
			}
			return true;
		}
		catch (IOException | RuntimeException ex) {
			String error = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
			if (this.failures != null) {
				this.failures.increment();
			}
			this.catalog.report(currentStatus().failed(this.clock.instant(), error));
			if (!this.failing.getAndSet(true)) {
				logger.warn("The model catalog at " + this.location.display() + " (" + PROPERTY
						+ ") cannot be loaded, the catalog loaded before stays in use; further failures are counted in "
						+ METER_NAME + " until a load succeeds: " + error);
			}
			else if (logger.isDebugEnabled()) {
				logger.debug("The model catalog at " + this.location.display() + " cannot be loaded", ex);
			}
			return false;
		}
	}

	/**
	 * Refreshes the catalog on a schedule; the scheduler is shut down with this refresh.
	 * @param scheduler where the refreshes run
	 * @param interval the time between the end of a refresh and the start of the next
	 */
	public void start(ScheduledExecutorService scheduler, Duration interval) {
		this.scheduler = scheduler;
		scheduler.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		ScheduledExecutorService current = this.scheduler;
		if (current != null) {
			current.shutdownNow();
		}
	}

	private void load() throws IOException {
		CatalogContent content = this.location.read();
		this.catalog.load(content);
		if (this.successes != null) {
			this.successes.increment();
		}
		this.catalog.report(currentStatus().loaded(this.clock.instant(), content.entries().size()));
	}

	private CatalogStatus currentStatus() {
		CatalogStatus status = this.catalog.getStatus();
		return (status != null) ? status : CatalogStatus.notLoaded(this.location.display());
	}

}
