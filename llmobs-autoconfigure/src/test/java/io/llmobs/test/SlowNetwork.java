package io.llmobs.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A TCP proxy in front of a local server that delays every answer by a fixed latency, as
 * a network far away would: each round trip that a thread waits for costs it that
 * latency, while requests sent without waiting cost it nothing. Answers keep their order.
 * <p>
 * {@code @RegisterExtension static final SlowNetwork network = SlowNetwork.to(port, latency);}
 */
public final class SlowNetwork implements AfterAllCallback {

	private final ServerSocket server;

	private final ScheduledExecutorService delayed = Executors.newSingleThreadScheduledExecutor();

	private SlowNetwork(int targetPort, Duration latency) throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(() -> accept(targetPort, latency), "slow-network");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * Starts a proxy to a port of this machine.
	 * @param targetPort the port of the server
	 * @param latency the delay of every answer
	 * @return the running proxy
	 */
	public static SlowNetwork to(int targetPort, Duration latency) {
		try {
			return new SlowNetwork(targetPort, latency);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The port clients connect to. */
	public int port() {
		return this.server.getLocalPort();
	}

	private void accept(int targetPort, Duration latency) {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
				client.setTcpNoDelay(true);
				target.setTcpNoDelay(true);
				pump(client.getInputStream(), target.getOutputStream(), Duration.ZERO);
				pump(target.getInputStream(), client.getOutputStream(), latency);
			}
			catch (IOException ex) {
				// Closed with the test, or a connection that failed: its client sees it.
			}
		}
	}

	private void pump(InputStream in, OutputStream out, Duration latency) {
		Thread pump = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try {
				int read;
				while ((read = in.read(buffer)) != -1) {
					byte[] chunk = Arrays.copyOf(buffer, read);
					this.delayed.schedule(() -> write(out, chunk), latency.toNanos(), TimeUnit.NANOSECONDS);
				}
			}
			catch (IOException ex) {
				// The other side closed.
			}
		}, "slow-network-pump");
		pump.setDaemon(true);
		pump.start();
	}

	private static void write(OutputStream out, byte[] chunk) {
		try {
			out.write(chunk);
			out.flush();
		}
		catch (IOException ex) {
			// The other side closed.
		}
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		this.server.close();
		this.delayed.shutdownNow();
	}

}
