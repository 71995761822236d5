package dev.livetools.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livetools.testkit.LiveEmulator;
import dev.livetools.testkit.RecordedFrame;
import dev.livetools.testkit.ResponseCheck;
import dev.livetools.testkit.Scenario;
import dev.livetools.testkit.ScenarioResult;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server side of {@link SessionLoad}, in its own JVM so that the client's threads and heap are measured alone:
 * one {@link LiveEmulator} whose every session waits, then makes {@code calls} tool calls one after another with a
 * pause between them, each checked by the scenario (an answer lost or late fails the session). The round trip of
 * each call is timed here, as the model sees it: from the {@code toolCall} frame sent to its {@code toolResponse}
 * received. A second answer to an id is counted as a duplicate.
 *
 * <p>Protocol on stdout: {@code PORT n} once listening; {@code RESULT ...} once {@code sessions} results are in (or
 * when stdin says {@code report}); it exits when stdin closes.
 */
public final class LoadEmulator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WARM_UP = "warm-up";

    private final Map<Integer, Map<String, Long>> pending = new HashMap<>();
    private final Map<Integer, Set<String>> answered = new HashMap<>();
    private long[] roundTrips = new long[1 << 16];
    private int count;
    private int duplicates;
    private int unexpected;
    private final AtomicInteger passed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile String firstFailure = "";

    private LoadEmulator() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        Duration gap = Duration.ofMillis(Long.parseLong(args[2]));
        Duration start = Duration.ofMillis(Long.parseLong(args[3]));
        new LoadEmulator().run(sessions, calls, gap, start);
    }

    static Scenario scenario(int calls, Duration gap, Duration start) {
        Scenario.Builder b = Scenario.builder("load").expectTimeout(Duration.ofSeconds(30)).delay(start);
        for (int i = 1; i <= calls; i++) {
            String id = "function-call-" + i;
            b.toolCall(id, "get_current_weather", Map.of("location", "Redmond, WA"))
                    .expectToolResponse(ResponseCheck.forId(id).withName("get_current_weather")
                            .withOutput(JSON.getNodeFactory().textNode("sunny in Redmond, WA")));
            if (i < calls) {
                b.delay(gap);
            }
        }
        return b.build();
    }

    private void run(int sessions, int calls, Duration gap, Duration start) throws Exception {
        Scenario scenario = scenario(calls, gap, start);
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(scenario).frameListener(this::frame)
                .resultListener(result -> result(result, sessions)).start()) {
            // The client's first session is a warm-up (class loading, caches), opened and closed before the others.
            emulator.enqueue(Scenario.builder(WARM_UP).build());
            System.out.println("PORT " + emulator.port());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.equals("report")) {
                    report();
                }
            }
        }
    }

    private void result(ScenarioResult result, int sessions) {
        if (result.scenario().equals(WARM_UP)) {
            return;
        }
        if (result.passed()) {
            passed.incrementAndGet();
        } else if (failed.incrementAndGet() == 1) {
            firstFailure = result.report().replace('\n', ' ');
        }
        if (passed.get() + failed.get() == sessions) {
            report();
        }
    }

    /** Called with the frame log locked, in order: cheap bookkeeping only. */
    private synchronized void frame(RecordedFrame frame) {
        if (frame.kind() != RecordedFrame.Kind.TEXT && frame.kind() != RecordedFrame.Kind.BINARY) {
            return;
        }
        boolean sent = frame.direction() == RecordedFrame.Direction.SENT;
        if (sent ? !frame.payload().contains("\"toolCall\"") : !frame.payload().contains("toolResponse")) {
            return;
        }
        JsonNode json = frame.json();
        long at = frame.at().toNanos();
        if (sent) {
            for (JsonNode call : json.path("toolCall").path("functionCalls")) {
                pending.computeIfAbsent(frame.connection(), c -> new HashMap<>()).put(call.path("id").asText(), at);
            }
            return;
        }
        for (JsonNode response : json.path("toolResponse").path("functionResponses")) {
            String id = response.path("id").asText();
            if (!answered.computeIfAbsent(frame.connection(), c -> new HashSet<>()).add(id)) {
                duplicates++;
                continue;
            }
            Long sentAt = pending.getOrDefault(frame.connection(), Map.of()).get(id);
            if (sentAt == null) {
                unexpected++;
                continue;
            }
            if (count == roundTrips.length) {
                roundTrips = Arrays.copyOf(roundTrips, count * 2);
            }
            roundTrips[count++] = at - sentAt;
        }
    }

    private synchronized void report() {
        long[] sorted = Arrays.copyOf(roundTrips, count);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "RESULT passed=%d failed=%d answers=%d duplicates=%d unexpected=%d "
                        + "p50=%.2f p90=%.2f p99=%.2f max=%.2f firstFailure=%s%n", passed.get(), failed.get(), count,
                duplicates, unexpected, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), ms(sorted, 1.0),
                firstFailure.isEmpty() ? "-" : firstFailure.substring(0, Math.min(300, firstFailure.length())));
        System.out.flush();
    }

    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
