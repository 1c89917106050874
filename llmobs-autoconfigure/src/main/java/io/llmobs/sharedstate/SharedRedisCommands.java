package io.llmobs.sharedstate;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.jspecify.annotations.Nullable;

/**
 * The application's Redis connection as the shared state uses it: Lettuce's asynchronous
 * commands on the connection that the application's connection factory shares, opened at
 * start-up or by the background sync, never on a call's thread. A caller that needs an
 * answer waits for it at most the shared state's timeout; other commands are sent without
 * waiting, and their outcome tells {@link RedisAvailability} whether Redis answers.
 */
public final class SharedRedisCommands {

	/**
	 * Commands not waited for may take longer than a read before they count as failed.
	 */
	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(2);

	private final Supplier<RedisClusterAsyncCommands<byte[], byte[]>> connection;

	private final RedisAvailability availability;

	private volatile @Nullable RedisClusterAsyncCommands<byte[], byte[]> commands;

	/**
	 * Creates the commands of a connection that is opened by {@link #connect()}.
	 * @param connection opens the application's connection (the connection factory may
	 * observe its commands, and the observation registry may not be built yet when this
	 * is created)
	 * @param availability whether Redis is worth asking
	 */
	public SharedRedisCommands(Supplier<RedisClusterAsyncCommands<byte[], byte[]>> connection,
			RedisAvailability availability) {
		this.connection = connection;
		this.availability = availability;
	}

	/**
	 * Opens the connection unless it is open; a failure is counted and leaves Redis alone
	 * for the retry interval. Called at start-up, so that calls find it open.
	 */
	public void connect() {
		connectedCommands();
	}

	/**
	 * The commands when Redis may be asked now, the connection opened first if it is not
	 * open yet: off the request path only, as opening may wait for the connect timeout.
	 * @return the commands, or {@code null} to answer from this instance's state
	 */
	@Nullable RedisClusterAsyncCommands<byte[], byte[]> connectedCommands() {
		if (this.commands == null && this.availability.usable()) {
			try {
				this.commands = this.connection.get();
				this.availability.succeeded();
			}
			catch (RuntimeException ex) {
				this.availability.failed(ex);
				return null;
			}
		}
		return commands();
	}

	/**
	 * The commands when the connection is open and Redis may be asked now; else the
	 * operation is counted as answered locally. Never waits.
	 * @return the commands, or {@code null} to answer from this instance's state
	 */
	@Nullable RedisClusterAsyncCommands<byte[], byte[]> commands() {
		RedisClusterAsyncCommands<byte[], byte[]> open = this.commands;
		if (open == null || !this.availability.usable()) {
			this.availability.fellBack();
			return null;
		}
		return open;
	}

	/**
	 * Waits for an answer at most the shared state's timeout.
	 * @param <T> the answer's type
	 * @param answer the command sent
	 * @return the answer
	 * @throws IllegalStateException when Redis failed or did not answer in time (the
	 * command is then cancelled)
	 */
	<T> T await(RedisFuture<T> answer) {
		return await(answer, this.availability.timeout());
	}

	/**
	 * Waits for an answer at most a given time, off the request path.
	 * @param <T> the answer's type
	 * @param answer the command sent
	 * @param timeout how long to wait at most
	 * @return the answer
	 * @throws IllegalStateException when Redis failed or did not answer in time (the
	 * command is then cancelled)
	 */
	<T> T await(RedisFuture<T> answer, Duration timeout) {
		try {
			T value = answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
			this.availability.succeeded();
			return value;
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Redis failed: " + ex.getCause(), ex.getCause());
		}
		catch (TimeoutException ex) {
			answer.cancel(false);
			throw new IllegalStateException("Redis did not answer within " + timeout.toMillis() + " ms", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			answer.cancel(false);
			throw new IllegalStateException("Interrupted while waiting for Redis", ex);
		}
	}

	/**
	 * Reports the outcome of a command that nobody waits for.
	 * @param <T> the answer's type
	 * @param sent the command sent
	 * @param onAnswer what to do with the answer, on Lettuce's thread
	 */
	<T> void whenAnswered(RedisFuture<T> sent, Consumer<T> onAnswer) {
		sent.toCompletableFuture()
			.orTimeout(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((answer, ex) -> {
				if (ex != null) {
					this.availability.failed(ex);
				}
				else {
					this.availability.succeeded();
					onAnswer.accept(answer);
				}
			});
	}

	/**
	 * Reports the outcome of a command that nobody waits for and whose answer is not
	 * needed.
	 * @param sent the command sent
	 */
	void send(RedisFuture<?> sent) {
		whenAnswered(sent, (answer) -> {
		});
	}

	/**
	 * Reports a failure of Redis: counted, and Redis is left alone for the retry
	 * interval.
	 * @param ex the failure
	 */
	void failed(RuntimeException ex) {
		this.availability.failed(ex);
	}

}
