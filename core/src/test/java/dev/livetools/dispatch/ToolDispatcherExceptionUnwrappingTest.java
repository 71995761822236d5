package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.sdk.LiveTool;
import dev.livetools.sdk.ToolException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A ToolException reaches the model as TOOL_ERROR however it was wrapped on the way (a proxy, reflection, a future),
 * and a wrapper without a cause is an INTERNAL error, not a loop or a crash.
 */
class ToolDispatcherExceptionUnwrappingTest {

    public static final class Wrapped {
        private static ToolException refusal() {
            return new ToolException("the garage door is jammed");
        }

        @LiveTool
        public String undeclared() {
            throw new UndeclaredThrowableException(refusal());
        }

        @LiveTool
        public String reflective() throws InvocationTargetException {
            throw new InvocationTargetException(refusal());
        }

        @LiveTool
        public String executed() throws ExecutionException {
            throw new ExecutionException(new UndeclaredThrowableException(refusal()));
        }

        @LiveTool
        public CompletableFuture<String> failedFuture() {
            return CompletableFuture.failedFuture(new ExecutionException(refusal()));
        }

        @LiveTool
        public CompletableFuture<String> completionWrapped() {
            return CompletableFuture.failedFuture(new CompletionException(new InvocationTargetException(refusal())));
        }

        @LiveTool
        public String emptyWrapper() throws ExecutionException {
            throw new ExecutionException("no cause", null);
        }
    }

    private final ToolDispatcher dispatcher = ToolDispatcher.builder(ToolCatalog.builder().addClasses(Wrapped.class)
            .build()).build();
    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void close() {
        dispatcher.close();
    }

    private JsonNode error(String tool) throws Exception {
        dispatcher.dispatch(toolCall(call(tool, tool, "{}")), sink).get();
        return sink.awaitOne(tool).response().get("error");
    }

    @Test
    void aToolExceptionInsideAnUndeclaredThrowableIsAToolError() throws Exception {
        JsonNode error = error("undeclared");

        assertThat(error.get("type").asText()).isEqualTo("TOOL_ERROR");
        assertThat(error.get("message").asText()).isEqualTo("the garage door is jammed");
    }

    @Test
    void aToolExceptionInsideAnInvocationTargetExceptionIsAToolError() throws Exception {
        assertThat(error("reflective").get("type").asText()).isEqualTo("TOOL_ERROR");
    }

    @Test
    void aToolExceptionWrappedTwiceIsAToolError() throws Exception {
        assertThat(error("executed").get("type").asText()).isEqualTo("TOOL_ERROR");
    }

    @Test
    void aFutureFailedWithAWrappedToolExceptionIsAToolError() throws Exception {
        assertThat(error("failedFuture").get("type").asText()).isEqualTo("TOOL_ERROR");
        assertThat(error("completionWrapped").get("message").asText()).isEqualTo("the garage door is jammed");
    }

    @Test
    void aWrapperWithoutACauseIsInternal() throws Exception {
        assertThat(error("emptyWrapper").get("type").asText()).isEqualTo("INTERNAL");
    }
}
