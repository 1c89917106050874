package io.llmobs.core;

import java.time.Duration;

/**
 * Permits per fixed time window under a key, counted for the whole fleet
 * ({@code llmobs.shared-state.store=redis}). It may ask a remote store, so it is asked
 * off the request path.
 */
public interface RateWindow {

	/**
	 * Takes a permit of the current window if fewer than {@code permits} were taken in
	 * it.
	 * @param key the key, such as {@code judge}
	 * @param permits permits per window
	 * @param window the window's length; windows start at multiples of it since the epoch
	 * @return whether a permit was taken
	 */
	boolean tryAcquire(String key, int permits, Duration window);

}
