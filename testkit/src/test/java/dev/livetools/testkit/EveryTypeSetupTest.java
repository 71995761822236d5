package dev.livetools.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The declarations the host generates for UUID, URI, byte[], @Email, java.time and constrained numbers pass the
 * emulator's setup validation, which enforces the service's schema rules (core's SchemaRules): before those rules
 * were followed, such a setup was refused by the real service.
 */
@LiveEmulatorTest(timeoutSeconds = 10)
@Timeout(60)
class EveryTypeSetupTest {

    @Test
    void aSessionWithEveryHintedTypeIsSetUpAndItsToolIsCalled(LiveToolsTester tester) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("id", "123e4567-e89b-12d3-a456-426614174000");
        args.put("link", "https://example.com/a");
        args.put("data", "aGVsbG8=");
        args.put("contact", "a@example.com");
        args.put("date", "2025-03-14");
        args.put("stay", "PT2H");
        args.put("at", "2025-03-14T09:30:00Z");
        args.put("offsetAt", "2025-03-14T09:30:00+01:00");
        args.put("period", "P3D");
        args.put("month", "2025-03");
        args.put("zone", "Europe/Berlin");
        args.put("celsius", 21.5);
        args.put("share", 12.5);
        args.put("big", new java.math.BigInteger("12345678901234567890"));
        args.put("count", 3);
        args.put("ratio", 0.5);
        args.put("initial", "A");
        args.put("level", "HIGH");
        args.put("visits", List.of(Map.of("day", "2025-03-15", "nights", 2)));
        args.put("levels", Map.of("hall", "LOW"));

        ToolRun run = tester.run(Scenario.builder("every hinted type").expectTimeout(Duration.ofSeconds(15))
                .expectText("Book it")
                .toolCall("c1", "booking:book", args)
                .expectToolResponse(ResponseCheck.forId("c1").withOutput(
                        "123e4567-e89b-12d3-a456-426614174000 2025-03-14 PT2H 1"))
                .text("Booked.").turnComplete()
                .build(), new EveryTypeTools());

        assertThat(run.passed()).as(run.report()).isTrue();
    }
}
