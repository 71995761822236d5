package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.sdk.LiveTool;
import jakarta.validation.constraints.Size;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What INVALID_ARGUMENT echoes of the model's arguments is cut to a readable length, saying how long it was. */
@Timeout(20)
class EchoTruncationTest {

    public static final class Notes {
        @LiveTool
        public String note(@Size(max = 10) String text, int count) {
            return text;
        }
    }

    private static JsonNode answer(String args) throws Exception {
        RecordingSink sink = new RecordingSink();
        try (ToolDispatcher d = ToolDispatcher.builder(ToolCatalog.builder().addClasses(Notes.class).build())
                .build()) {
            d.dispatch(toolCall(call("n", "note", args)), sink).get(10, TimeUnit.SECONDS);
        }
        return sink.awaitOne("n").response().get("error");
    }

    @Test
    void aLongRejectedStringIsEchoedCutWithItsLength() throws Exception {
        JsonNode error = answer("{'text':'" + "a".repeat(5000) + "','count':1}");
        String echoed = error.at("/violations/0/rejectedValue").asText();
        assertThat(echoed).isEqualTo("a".repeat(200) + "... (5000 characters in all)");
    }

    @Test
    void aLongRejectedListIsEchoedAsTheStartOfItsJson() throws Exception {
        JsonNode error = answer("{'text':'ok','count':[" + "1,".repeat(3000) + "1]}");
        JsonNode echoed = error.at("/violations/0/rejectedValue");
        assertThat(echoed.isTextual()).isTrue();
        assertThat(echoed.asText()).startsWith("[1,1,1").endsWith("... (6003 characters in all)").hasSize(228);
    }

    @Test
    void aLongUnknownArgumentNameIsCutInPathAndMessage() throws Exception {
        String name = "x".repeat(1000);
        JsonNode error = answer("{'text':'ok','count':1,'" + name + "':true}");
        assertThat(error.at("/violations/0/path").asText()).hasSize(200 + "... (1000 characters in all)".length());
        assertThat(error.get("message").asText().length()).isLessThan(700);
    }

    @Test
    void shortValuesAreEchoedAsTheyAre() throws Exception {
        JsonNode error = answer("{'text':'far too long','count':1}");
        assertThat(error.at("/violations/0/rejectedValue").asText()).isEqualTo("far too long");
    }
}
