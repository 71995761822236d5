package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.sdk.LiveTool;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Arguments {@link ArgumentBindingFuzzTest} found answered with INTERNAL, each kept as a plain test of its input. */
@Timeout(10)
class ArgumentBindingFuzzFindingsTest {

    public static final class Thermostat {
        @LiveTool
        public String hold(Optional<Duration> hold) {
            return hold.map(Duration::toString).orElse("-");
        }

        @LiveTool
        public String meter(java.math.BigInteger reading) {
            return reading.toString();
        }

        @LiveTool
        public String wake(LocalTime at) {
            return at.toString();
        }
    }

    private final ToolDispatcher dispatcher = ToolDispatcher.builder(ToolCatalog.builder()
            .addClasses(Thermostat.class).build()).executor(Runnable::run).build();
    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void close() {
        dispatcher.close();
    }

    private JsonNode answer(String name, String args) throws Exception {
        dispatcher.dispatch(toolCall(call("c1", name, args)), sink).get();
        return sink.awaitOne("c1").response();
    }

    @Test
    void anEmptyStringForAnOptionalDurationIsAnInvalidArgumentNotANullPointer() throws Exception {
        // Jackson read "" as null, and Optional.of(null) threw: the model was told INTERNAL NullPointerException.
        JsonNode response = answer("hold", "{'hold':''}");
        assertThat(response.at("/error/type").asText()).as(response.toString()).isEqualTo("INVALID_ARGUMENT");
        assertThat(response.at("/error/violations/0/path").asText()).isEqualTo("hold");
        assertThat(response.at("/error/violations/0/message").asText()).contains("ISO-8601 Duration");
    }

    @Test
    void anEmptyStringForARequiredTimeIsAnInvalidArgumentNotANullArgument() throws Exception {
        // The same "" reached the method as null and threw there.
        JsonNode response = answer("wake", "{'at':''}");
        assertThat(response.at("/error/type").asText()).as(response.toString()).isEqualTo("INVALID_ARGUMENT");
        assertThat(response.at("/error/violations/0/path").asText()).isEqualTo("at");
    }

    @Test
    void aNumberBeyondADoubleForABigIntegerIsAnInvalidArgumentNotANumberFormatException() throws Exception {
        // 12345678901231e40045678901234567890 was read as a double (Infinity), then failed as INTERNAL.
        JsonNode response = answer("meter", "{'reading':12345678901231e40045678901234567890}");
        assertThat(response.at("/error/type").asText()).as(response.toString()).isEqualTo("INVALID_ARGUMENT");
        assertThat(response.at("/error/violations/0/path").asText()).isEqualTo("reading");
    }

    @Test
    void aRealDurationStillBinds() throws Exception {
        assertThat(answer("hold", "{'hold':'PT2H'}").at("/output").asText()).isEqualTo("PT2H");
    }
}
