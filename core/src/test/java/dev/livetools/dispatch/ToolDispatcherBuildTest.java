package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.json;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livetools.catalog.ToolCatalog;
import dev.livetools.catalog.ToolDiscoveryException;
import dev.livetools.sdk.LiveTool;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What is checked up front, so nothing surprises a call later: the catalog refuses what no dispatcher could run, and
 * a dispatcher never refuses what the catalog accepted.
 */
@Timeout(10)
class ToolDispatcherBuildTest {

    public static final class StaticWithConstraints {
        @LiveTool
        public static String volume(@Min(0) int level) {
            return "level " + level;
        }
    }

    public static final class StaticPlain {
        @LiveTool
        public static String echo(String text) {
            return text;
        }
    }

    @Test
    void staticToolWithConstraintsFailsAtCatalogBuildNamingTheMethod() {
        assertThatThrownBy(() -> ToolCatalog.builder().addClasses(StaticWithConstraints.class).build())
                .isInstanceOf(ToolDiscoveryException.class)
                .hasMessageContaining("StaticWithConstraints.volume(int)")
                .hasMessageContaining("Jakarta Validation ignores static methods");
    }

    @Test
    void staticToolWithoutConstraintsIsDispatched() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (ToolDispatcher d = ToolDispatcher.builder(ToolCatalog.builder().addClasses(StaticPlain.class).build())
                .build()) {
            d.dispatch(toolCall(call("e", "echo", "{'text':'hi'}")), sink).get(5, TimeUnit.SECONDS);
        }
        assertThat(sink.awaitOne("e").response()).isEqualTo(json("{'output':'hi'}"));
    }

    @Test
    void theSmallestSensibleSettingsAreAccepted() {
        ToolDispatcher.Builder builder = ToolDispatcher.builder(ToolCatalog.builder().build());
        builder.defaultTimeout(Duration.ofNanos(1)).maxConcurrency(1).maxResultBytes(1);
        try (ToolDispatcher dispatcher = builder.build()) {
            assertThat(dispatcher.catalog().names()).isEmpty();
        }
    }

    @Test
    void builderRejectsNonsenseSettings() {
        ToolDispatcher.Builder builder = ToolDispatcher.builder(ToolCatalog.builder().build());
        assertThatThrownBy(() -> builder.defaultTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.maxConcurrency(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
