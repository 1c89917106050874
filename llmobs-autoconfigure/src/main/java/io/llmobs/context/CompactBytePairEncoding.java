package io.llmobs.context;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts the tokens of a text as OpenAI's byte-pair encodings do, over a vocabulary held
 * in three arrays: the bytes of every token one after the other, where each token starts,
 * and an open-addressing table from a token's bytes to its rank. {@code o200k_base} takes
 * about 4 MB this way, against about 30 MB as maps of boxed keys and values; the
 * vocabulary files are jtokkit's, and the counts are jtokkit's
 * {@code countTokensOrdinary} (a test holds them equal).
 * <p>
 * A text is split by the encoding's pattern ({@link PiecePattern}) into pieces, and each
 * piece's UTF-8 bytes are merged from single bytes, always merging first the adjacent
 * pair whose joined bytes have the lowest rank (the leftmost of equal ranks), until no
 * adjacent pair is a token. The pieces' token counts add up to the text's. Instances are
 * immutable and safe to share between threads.
 */
final class CompactBytePairEncoding {

	/**
	 * Pieces of at most this many bytes are merged by scanning for the lowest rank;
	 * longer ones through a heap.
	 */
	static final int SCAN_LIMIT = 64;

	private static final int NO_RANK = Integer.MAX_VALUE;

	private final PiecePattern pieces;

	/** The bytes of every token, in rank order. */
	private final byte[] tokenBytes;

	/**
	 * Where each rank's bytes start in {@link #tokenBytes}; one more entry marks the end
	 * of the last.
	 */
	private final int[] starts;

	/**
	 * Rank + 1 of the token whose bytes hash to a slot, or 0 for an empty slot; linear
	 * probing.
	 */
	private final int[] slots;

	private final int mask;

	private CompactBytePairEncoding(PiecePattern pieces, byte[] tokenBytes, int[] starts) {
		this.pieces = pieces;
		this.tokenBytes = tokenBytes;
		this.starts = starts;
		int ranks = starts.length - 1;
		int capacity = Integer.highestOneBit(Math.max(ranks, 1) * 2 - 1) << 1;
		this.slots = new int[capacity];
		this.mask = capacity - 1;
		for (int rank = 0; rank < ranks; rank++) {
			if (starts[rank] == starts[rank + 1]) {
				continue;
			}
			int slot = hash(tokenBytes, starts[rank], starts[rank + 1]) & this.mask;
			while (this.slots[slot] != 0) {
				slot = (slot + 1) & this.mask;
			}
			this.slots[slot] = rank + 1;
		}
	}

	/**
	 * Loads an encoding's vocabulary from jtokkit's resources.
	 * @param type the encoding
	 * @return the encoding
	 */
	static CompactBytePairEncoding load(EncodingType type) {
		PiecePattern pieces = switch (type) {
			case O200K_BASE -> PiecePattern.O200K;
			case CL100K_BASE -> PiecePattern.CL100K;
			case R50K_BASE, P50K_BASE, P50K_EDIT -> PiecePattern.X50K;
		};
		String file = switch (type) {
			case P50K_EDIT -> "p50k_base";
			default -> type.getName();
		};
		try (InputStream in = CompactBytePairEncoding.class
			.getResourceAsStream("/com/knuddels/jtokkit/" + file + ".tiktoken")) {
			if (in == null) {
				throw new IllegalStateException("jtokkit's vocabulary " + file + " is not on the classpath");
			}
			return read(pieces, in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("jtokkit's vocabulary " + file + " cannot be read", ex);
		}
	}

	/**
	 * Reads a tiktoken vocabulary: a line per token, its bytes in base64, a space, its
	 * rank, in rank order.
	 */
	static CompactBytePairEncoding read(PiecePattern pieces, InputStream in) throws IOException {
		Base64.Decoder base64 = Base64.getDecoder();
		byte[] bytes = new byte[1 << 20];
		int[] starts = new int[1 << 16];
		int length = 0;
		int ranks = 0;
		BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
		for (String line = lines.readLine(); line != null; line = lines.readLine()) {
			if (line.isEmpty()) {
				continue;
			}
			int space = line.indexOf(' ');
			int rank = (space > 0) ? Integer.parseInt(line, space + 1, line.length(), 10) : -1;
			if (rank < ranks) {
				throw new IOException("'" + line + "' is not '<base64> <rank>' with a rank above " + (ranks - 1));
			}
			byte[] token = base64.decode(line.substring(0, space));
			if (length + token.length > bytes.length) {
				bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + token.length));
			}
			if (rank + 2 > starts.length) {
				starts = Arrays.copyOf(starts, Math.max(starts.length * 2, rank + 2));
			}
			// Ranks that the file skips (special tokens) get no bytes: no piece ever
			// matches them.
			while (ranks <= rank) {
				starts[ranks++] = length;
			}
			System.arraycopy(token, 0, bytes, length, token.length);
			length += token.length;
		}
		starts[ranks] = length;
		return new CompactBytePairEncoding(pieces, Arrays.copyOf(bytes, length), Arrays.copyOf(starts, ranks + 1));
	}

	/**
	 * The number of tokens of a text, special tokens such as {@code <|endoftext|>}
	 * counted as ordinary text.
	 * @param text the text
	 * @return its token count
	 */
	int count(String text) {
		int count = 0;
		for (int start = 0; start < text.length();) {
			int end = this.pieces.end(text, start);
			count += countPiece(text.substring(start, end).getBytes(StandardCharsets.UTF_8));
			start = end;
		}
		return count;
	}

	private int countPiece(byte[] piece) {
		if (piece.length == 1 || rank(piece, 0, piece.length) != NO_RANK) {
			return 1;
		}
		return (piece.length <= SCAN_LIMIT) ? mergeByScan(piece) : mergeByHeap(piece);
	}

	/**
	 * Merges a short piece: the parts' starts in an array, the lowest rank found by a
	 * scan.
	 */
	int mergeByScan(byte[] piece) {
		int parts = piece.length;
		// starts[i]: where part i starts (starts[parts] = piece.length); ranks[i]: rank
		// of parts i and i + 1 joined.
		int[] starts = new int[parts + 1];
		int[] ranks = new int[parts];
		for (int i = 0; i <= parts; i++) {
			starts[i] = i;
		}
		for (int i = 0; i < parts - 1; i++) {
			ranks[i] = rank(piece, i, i + 2);
		}
		ranks[parts - 1] = NO_RANK;
		while (parts > 1) {
			int lowest = 0;
			for (int i = 1; i < parts - 1; i++) {
				if (ranks[i] < ranks[lowest]) {
					lowest = i;
				}
			}
			if (ranks[lowest] == NO_RANK) {
				break;
			}
			// Part lowest + 1 joins part lowest.
			System.arraycopy(starts, lowest + 2, starts, lowest + 1, parts - lowest - 1);
			System.arraycopy(ranks, lowest + 2, ranks, lowest + 1, parts - lowest - 2);
			parts--;
			ranks[parts - 1] = NO_RANK;
			ranks[lowest] = (lowest + 1 < parts) ? rank(piece, starts[lowest], starts[lowest + 2]) : NO_RANK;
			if (lowest > 0) {
				ranks[lowest - 1] = rank(piece, starts[lowest - 1], starts[lowest + 1]);
			}
		}
		return parts;
	}

	/**
	 * Merges a long piece in O(n log n): the parts as a linked list over byte positions,
	 * the candidate merges in a binary heap of (rank, start) keys, stale ones skipped
	 * when they come up.
	 */
	int mergeByHeap(byte[] piece) {
		int n = piece.length;
		int[] next = new int[n];
		int[] previous = new int[n];
		int[] ranks = new int[n];
		long[] heap = new long[2 * n];
		int size = 0;
		for (int i = 0; i < n; i++) {
			next[i] = i + 1;
			previous[i] = i - 1;
			ranks[i] = (i + 2 <= n) ? rank(piece, i, i + 2) : NO_RANK;
			if (ranks[i] != NO_RANK) {
				size = push(heap, size, key(ranks[i], i));
			}
		}
		int parts = n;
		while (size > 0) {
			long top = heap[0];
			size = pop(heap, size);
			int start = (int) top;
			int rank = (int) (top >>> 32);
			if (next[start] < 0 || ranks[start] != rank) {
				continue;
			}
			// The part at next[start] joins the part at start.
			int removed = next[start];
			next[start] = next[removed];
			if (next[start] < n) {
				previous[next[start]] = start;
			}
			next[removed] = -1;
			ranks[removed] = NO_RANK;
			parts--;
			ranks[start] = (next[start] < n) ? rank(piece, start, end(next, n, next[start])) : NO_RANK;
			if (ranks[start] != NO_RANK) {
				size = push(heap, size, key(ranks[start], start));
			}
			int before = previous[start];
			if (before >= 0) {
				ranks[before] = rank(piece, before, end(next, n, start));
				if (ranks[before] != NO_RANK) {
					size = push(heap, size, key(ranks[before], before));
				}
			}
		}
		return parts;
	}

	private static int end(int[] next, int n, int part) {
		return (part < n) ? next[part] : n;
	}

	private static long key(int rank, int start) {
		return ((long) rank << 32) | start;
	}

	private static int push(long[] heap, int size, long key) {
		int i = size;
		heap[i] = key;
		while (i > 0 && heap[(i - 1) >>> 1] > heap[i]) {
			int parent = (i - 1) >>> 1;
			long swap = heap[parent];
			heap[parent] = heap[i];
			heap[i] = swap;
			i = parent;
		}
		return size + 1;
	}

	private static int pop(long[] heap, int size) {
		int last = size - 1;
		heap[0] = heap[last];
		int i = 0;
		while (true) {
			int child = 2 * i + 1;
			if (child >= last) {
				break;
			}
			if (child + 1 < last && heap[child + 1] < heap[child]) {
				child++;
			}
			if (heap[i] <= heap[child]) {
				break;
			}
			long swap = heap[child];
			heap[child] = heap[i];
			heap[i] = swap;
			i = child;
		}
		return last;
	}

	/** The rank of the token made of {@code piece[from, to)}, or {@link #NO_RANK}. */
	private int rank(byte[] piece, int from, int to) {
		int slot = hash(piece, from, to) & this.mask;
		int length = to - from;
		for (int entry = this.slots[slot]; entry != 0; entry = this.slots[slot]) {
			int rank = entry - 1;
			int start = this.starts[rank];
			if (this.starts[rank + 1] - start == length
					&& Arrays.equals(this.tokenBytes, start, start + length, piece, from, to)) {
				return rank;
			}
			slot = (slot + 1) & this.mask;
		}
		return NO_RANK;
	}

	private static int hash(byte[] bytes, int from, int to) {
		int hash = 0x811c9dc5;
		for (int i = from; i < to; i++) {
			hash = (hash ^ bytes[i]) * 0x01000193;
		}
		return hash ^ (hash >>> 16);
	}

}
