package io.llmobs.core;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import org.jspecify.annotations.Nullable;

/**
 * A span whose end is held back until both its tracing handler ended it and its holder
 * released it, whichever comes last; everything else goes straight to the span. Put in
 * place of the observation's span before its tracing handler stops it.
 */
final class HeldEndSpan implements Span, SpanPresence.HeldSpanEnd {

	private static final long NOT_ENDED = -1;

	private final Span delegate;

	private final Observation.Context context;

	private long endNanos = NOT_ENDED;

	private @Nullable Runnable beforeEnd;

	HeldEndSpan(Span delegate, Observation.Context context) {
		this.delegate = delegate;
		this.context = context;
	}

	@Override
	public void end() {
		Instant now = Instant.now();
		ended(TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano(), false);
	}

	@Override
	public void end(long time, TimeUnit unit) {
		ended(unit.toNanos(time), true);
	}

	private void ended(long nanos, boolean timed) {
		Runnable action;
		synchronized (this) {
			if (this.endNanos != NOT_ENDED) {
				return;
			}
			this.endNanos = nanos;
			action = this.beforeEnd;
		}
		if (action != null) {
			endAfter(action, timed ? nanos : NOT_ENDED);
		}
	}

	@Override
	public void release(Runnable action) {
		long nanos;
		synchronized (this) {
			if (this.beforeEnd != null) {
				return;
			}
			this.beforeEnd = action;
			nanos = this.endNanos;
		}
		if (nanos != NOT_ENDED) {
			endAfter(action, nanos);
		}
	}

	/**
	 * Runs the holder's action, writes the key values it set (the tracing handler wrote
	 * the observation's before it ended the span) and ends the span: when it was asked
	 * to, or now.
	 */
	private void endAfter(Runnable action, long nanos) {
		try {
			action.run();
			for (KeyValue keyValue : this.context.getHighCardinalityKeyValues()) {
				this.delegate.tag(keyValue.getKey(), keyValue.getValue());
			}
		}
		finally {
			if (nanos != NOT_ENDED) {
				this.delegate.end(nanos, TimeUnit.NANOSECONDS);
			}
			else {
				this.delegate.end();
			}
		}
	}

	@Override
	public boolean isNoop() {
		return this.delegate.isNoop();
	}

	@Override
	public TraceContext context() {
		return this.delegate.context();
	}

	@Override
	public Span start() {
		this.delegate.start();
		return this;
	}

	@Override
	public Span name(String name) {
		this.delegate.name(name);
		return this;
	}

	@Override
	public Span event(String value) {
		this.delegate.event(value);
		return this;
	}

	@Override
	public Span event(String value, long time, TimeUnit timeUnit) {
		this.delegate.event(value, time, timeUnit);
		return this;
	}

	@Override
	public Span tag(String key, String value) {
		this.delegate.tag(key, value);
		return this;
	}

	@Override
	public Span tag(String key, long value) {
		this.delegate.tag(key, value);
		return this;
	}

	@Override
	public Span tag(String key, double value) {
		this.delegate.tag(key, value);
		return this;
	}

	@Override
	public Span tag(String key, boolean value) {
		this.delegate.tag(key, value);
		return this;
	}

	@Override
	public Span tagOfStrings(String key, List<String> values) {
		this.delegate.tagOfStrings(key, values);
		return this;
	}

	@Override
	public Span tagOfLongs(String key, List<Long> values) {
		this.delegate.tagOfLongs(key, values);
		return this;
	}

	@Override
	public Span tagOfDoubles(String key, List<Double> values) {
		this.delegate.tagOfDoubles(key, values);
		return this;
	}

	@Override
	public Span tagOfBooleans(String key, List<Boolean> values) {
		this.delegate.tagOfBooleans(key, values);
		return this;
	}

	@Override
	public Span error(Throwable throwable) {
		this.delegate.error(throwable);
		return this;
	}

	@Override
	public void abandon() {
		this.delegate.abandon();
	}

	@Override
	public Span remoteServiceName(String remoteServiceName) {
		this.delegate.remoteServiceName(remoteServiceName);
		return this;
	}

	@Override
	public Span remoteIpAndPort(String ip, int port) {
		this.delegate.remoteIpAndPort(ip, port);
		return this;
	}

}
