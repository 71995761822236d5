package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.catalog.ToolCatalog;
import dev.livetools.protocol.FunctionResponse;
import dev.livetools.sdk.LiveTool;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Calls without an id get a generated name ({@code livetools-N}) for logs and events; a model may use any text as an
 * id, including that one. The two must never be taken for each other (issue 12, fault 8): a cancel for the model's
 * id reaches the model's call, and the model's call keeps its deadline.
 */
@Timeout(20)
class ToolDispatcherGeneratedIdsTest {

    public static final class Waits {
        static final Semaphore STARTED = new Semaphore(0);
        static volatile CountDownLatch release = new CountDownLatch(1);

        @LiveTool(timeout = "400ms")
        public String hang() throws InterruptedException {
            STARTED.release();
            return release.await(10, TimeUnit.SECONDS) ? "released" : "gave up";
        }

        @LiveTool(timeout = "10s")
        public String hold() throws InterruptedException {
            STARTED.release();
            return release.await(10, TimeUnit.SECONDS) ? "released" : "gave up";
        }
    }

    private static final List<String> MODEL_IDS = List.of("livetools-1", "livetools-2", "livetools-3");

    private final ToolDispatcher dispatcher = ToolDispatcher.builder(ToolCatalog.builder().addClasses(Waits.class)
            .build()).build();
    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void close() {
        Waits.release.countDown();
        dispatcher.close();
    }

    /** The model's calls first, then as many without an id, all running at once. */
    private void dispatchModelCallsThenAnonymousOnes(String tool) throws InterruptedException {
        Waits.release = new CountDownLatch(1);
        for (String id : MODEL_IDS) {
            dispatcher.dispatch(toolCall(call(id, tool, "{}")), sink);
        }
        for (int i = 0; i < MODEL_IDS.size(); i++) {
            dispatcher.dispatch(toolCall(call(null, tool, "{}")), sink);
        }
        assertThat(Waits.STARTED.tryAcquire(2 * MODEL_IDS.size(), 10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aModelCallNamedLikeAGeneratedIdKeepsItsDeadline() throws Exception {
        dispatchModelCallsThenAnonymousOnes("hang");

        for (String id : MODEL_IDS) {
            assertThat(sink.awaitOne(id).response().at("/error/type").asText()).as(id)
                    .isEqualTo("DEADLINE_EXCEEDED");
        }
        List<FunctionResponse> all = sink.await(2 * MODEL_IDS.size(), Duration.ofSeconds(10));
        assertThat(all).filteredOn(r -> r.id() == null).hasSize(MODEL_IDS.size());
    }

    @Test
    void cancellingAModelIdNamedLikeAGeneratedOneCancelsTheModelsCallOnly() throws Exception {
        dispatchModelCallsThenAnonymousOnes("hold");

        Set<String> cancelled = dispatcher.cancel(MODEL_IDS);
        Waits.release.countDown();

        assertThat(cancelled).containsExactlyInAnyOrderElementsOf(MODEL_IDS);
        List<FunctionResponse> answers = sink.await(MODEL_IDS.size(), Duration.ofSeconds(10));
        assertThat(answers).allSatisfy(r -> {
            assertThat(r.id()).isNull();
            assertThat(r.response().get("output").asText()).isEqualTo("released");
        });
        assertThat(sink.responses().stream().map(FunctionResponse::id).filter(Objects::nonNull)).isEmpty();
    }
}
