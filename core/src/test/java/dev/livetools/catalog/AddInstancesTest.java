package dev.livetools.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.dispatch.ToolDispatcher;
import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.FunctionResponse;
import dev.livetools.protocol.ToolCall;
import dev.livetools.protocol.ToolResponse;
import dev.livetools.sdk.LiveTool;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link ToolCatalog.Builder#addInstances}: ready-made tool objects, called as they are. */
@Timeout(10)
class AddInstancesTest {

    /** No no-argument constructor: only a ready-made instance can serve it. */
    public static final class Counter {
        private final String room;
        private int count;

        public Counter(String room) {
            this.room = room;
        }

        @LiveTool(description = "Counts people entering")
        public synchronized String enter() {
            return room + " " + (++count);
        }
    }

    @Test
    void theToolsOfAnInstanceAreCalledOnThatVeryInstance() throws Exception {
        Counter hall = new Counter("hall");
        hall.enter();
        try (ToolCatalog catalog = ToolCatalog.builder().addInstances(hall).build()) {
            assertThat(catalog.descriptor("enter").orElseThrow().target()).isSameAs(hall);
            List<FunctionResponse> answers = new CopyOnWriteArrayList<>();
            try (ToolDispatcher d = ToolDispatcher.builder(catalog).build()) {
                d.dispatch(new ToolCall(List.of(new FunctionCall("e1", "enter", new ObjectMapper().createObjectNode()))),
                        (ToolResponse r) -> answers.addAll(r.functionResponses())).get(5, TimeUnit.SECONDS);
            }
            assertThat(answers).singleElement().extracting(r -> r.response().at("/output").asText())
                    .isEqualTo("hall 2");
        }
    }

    @Test
    void aClassWithoutANoArgumentConstructorNeedsAnInstance() {
        assertThatThrownBy(() -> ToolCatalog.builder().addClasses(Counter.class).build())
                .isInstanceOf(ToolDiscoveryException.class)
                .hasMessageStartingWith("Counter has no public no-argument constructor").hasMessageContaining("addInstances");
    }

    @Test
    void aClassPassedAsAnInstanceIsRefusedPointingToAddClasses() {
        assertThatThrownBy(() -> ToolCatalog.builder().addInstances(Counter.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use addClasses");
    }

    @Test
    void twoInstancesOfOneClassClashByToolName() {
        assertThatThrownBy(() -> ToolCatalog.builder().addInstances(new Counter("a"), new Counter("b")).build())
                .isInstanceOf(ToolDiscoveryException.class).hasMessageContaining("duplicate tool name 'enter'");
    }
}
