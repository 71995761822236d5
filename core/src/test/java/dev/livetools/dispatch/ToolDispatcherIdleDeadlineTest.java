package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.catalog.ToolCatalog;
import dev.livetools.protocol.FunctionResponse;
import dev.livetools.sdk.LiveTool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The deadline watch parks after a second without calls; a call arriving later must wake it, or its deadline never
 * fires and a hung tool is never answered.
 */
@Timeout(30)
class ToolDispatcherIdleDeadlineTest {

    public static final class Slow {
        @LiveTool
        public String quick() {
            return "done";
        }

        @LiveTool(timeout = "200ms")
        public String hang() throws InterruptedException {
            Thread.sleep(20_000);
            return "too late";
        }
    }

    private final ToolDispatcher dispatcher = ToolDispatcher.builder(ToolCatalog.builder().addClasses(Slow.class)
            .build()).build();
    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void close() {
        dispatcher.close();
    }

    @Test
    void aDeadlineFiresForACallThatArrivesAfterTheWatchHasParked() throws Exception {
        dispatcher.dispatch(toolCall(call("warm", "quick", "{}")), sink).get(10, TimeUnit.SECONDS);
        Thread.sleep(2_000); // more than the watch's one idle second: it is parked now

        long start = System.nanoTime();
        dispatcher.dispatch(toolCall(call("late", "hang", "{}")), sink).get(10, TimeUnit.SECONDS);
        FunctionResponse answer = sink.awaitOne("late");

        assertThat(answer.response().at("/error/type").asText()).isEqualTo("DEADLINE_EXCEEDED");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(8_000);
    }

    @Test
    void aSecondIdlePeriodDoesNotLoseTheNextDeadlineEither() throws Exception {
        for (String id : new String[] {"first", "second"}) {
            Thread.sleep(1_500);
            dispatcher.dispatch(toolCall(call(id, "hang", "{}")), sink).get(10, TimeUnit.SECONDS);
            assertThat(sink.awaitOne(id).response().at("/error/type").asText()).as(id)
                    .isEqualTo("DEADLINE_EXCEEDED");
        }
    }
}
