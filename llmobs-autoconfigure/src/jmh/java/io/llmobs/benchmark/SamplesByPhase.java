package io.llmobs.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the extra time of a variant goes, against a baseline measured in the same JVM: reads a flight recording of
 * {@link AllocationPerCall} run with {@code -Dphases=true}, gives each execution sample of the calling thread to the
 * variant whose measured calls were running at its time (100 ms at each end of a phase left out), and counts the
 * samples of each variant by what they were in: llmobs's frames (and what they call), Micrometer Tracing's copy of
 * each span as it ends (all its attributes, llmobs's included, copied and sorted to read its status), the tracing
 * handlers, Micrometer's observation dispatch, Spring AI's building of the advisor chain, Boot's meter handler,
 * Spring AI's token meters, Spring AI's observation conventions, the rest. Both variants share the JIT, so the
 * difference of two columns is the variant's own, not two compilations' (the spread between the JVMs of a pair of
 * forks).
 *
 * <p>
 * Arguments: {@code recording.jfr output-of-AllocationPerCall.txt baseline-variant variant}.
 */
public final class SamplesByPhase {

	private static final String LLMOBS = "llmobs (its frames and what they call)";

	/** Categories by the innermost frame that matches one of their prefixes, in this order. */
	private static final Map<String, List<String>> CATEGORIES = new LinkedHashMap<>();

	static {
		// Before the tracing handlers: Micrometer Tracing's OtelSpan#end asks for a copy of the
		// whole span (SdkSpan#toSpanData: every attribute copied and sorted) to read its status.
		CATEGORIES.put("span ends: the copy for the status",
				List.of("io.micrometer.tracing.otel.bridge.OtelSpan.isStatusUnset"));
		CATEGORIES.put("Boot's meter handler",
				List.of("io.micrometer.core.instrument.observation.DefaultMeterObservationHandler"));
		CATEGORIES.put("Spring AI's token meters",
				List.of("org.springframework.ai.chat.observation.ChatModelMeterObservationHandler"));
		CATEGORIES.put("tracing handlers", List.of("io.micrometer.tracing."));
		CATEGORIES.put("Spring AI's advisor chain, built per request",
				List.of("org.springframework.ai.chat.client.DefaultChatClient$DefaultChatClientRequestSpec.buildAdvisorChain"));
		CATEGORIES.put("Spring AI's observation conventions",
				List.of("org.springframework.ai.chat.client.observation.",
						"org.springframework.ai.chat.client.advisor.observation.",
						"org.springframework.ai.chat.observation.DefaultChatModelObservationConvention"));
		CATEGORIES.put("Micrometer's observation dispatch", List.of("io.micrometer.observation."));
	}

	private static final long MARGIN_MILLIS = 100;

	private SamplesByPhase() {
	}

	public static void main(String[] args) throws IOException {
		List<Phase> phases = phases(Path.of(args[1]), args[2], args[3]);
		Map<String, long[]> samples = new LinkedHashMap<>();
		samples.put(LLMOBS, new long[2]);
		CATEGORIES.keySet().forEach((category) -> samples.put(category, new long[2]));
		samples.put("the rest (Spring AI, the model, the JDK)", new long[2]);
		long[] total = new long[2];
		try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
			while (recording.hasMoreEvents()) {
				RecordedEvent event = recording.readEvent();
				if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
					continue;
				}
				RecordedThread thread = event.getThread("sampledThread");
				int variant = (thread != null && "main".equals(thread.getJavaName()))
						? variant(phases, event.getStartTime().toEpochMilli()) : -1;
				if (variant >= 0) {
					total[variant]++;
					samples.get(category(event.getStackTrace().getFrames()))[variant]++;
				}
			}
		}
		System.out.printf("samples of the calling thread: %s %d, %s %d (%+.1f %%)%n", args[2], total[0], args[3],
				total[1], 100.0 * (total[1] - total[0]) / total[0]);
		samples.forEach((category, counts) -> System.out.printf("%-46s %8d %8d   %+6.1f %% of %s%n", category,
				counts[0], counts[1], 100.0 * (counts[1] - counts[0]) / total[0], args[2]));
	}

	private static String category(List<RecordedFrame> frames) {
		List<String> methods = new ArrayList<>(frames.size());
		for (RecordedFrame frame : frames) {
			String type = frame.getMethod().getType().getName();
			if (type.startsWith("io.llmobs.") && !type.startsWith("io.llmobs.benchmark.")
					&& !type.startsWith("io.llmobs.test.")) {
				return LLMOBS;
			}
			methods.add(type + "." + frame.getMethod().getName());
		}
		// innermost first
		for (String method : methods) {
			for (Map.Entry<String, List<String>> category : CATEGORIES.entrySet()) {
				for (String prefix : category.getValue()) {
					if (method.startsWith(prefix)) {
						return category.getKey();
					}
				}
			}
		}
		return "the rest (Spring AI, the model, the JDK)";
	}

	private static int variant(List<Phase> phases, long millis) {
		for (Phase phase : phases) {
			if (millis >= phase.start + MARGIN_MILLIS && millis <= phase.end - MARGIN_MILLIS) {
				return phase.variant;
			}
		}
		return -1;
	}

	private static List<Phase> phases(Path output, String baseline, String variant) throws IOException {
		List<Phase> phases = new ArrayList<>();
		for (String line : Files.readAllLines(output)) {
			String[] words = line.trim().split(" ");
			if (words.length == 4 && words[0].equals("phase")
					&& (words[1].equals(baseline) || words[1].equals(variant))) {
				phases.add(new Phase(words[1].equals(baseline) ? 0 : 1, Long.parseLong(words[2]),
						Long.parseLong(words[3])));
			}
		}
		return phases;
	}

	private record Phase(int variant, long start, long end) {
	}

}
