package dev.livetools.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.protocol.LiveCodec;
import dev.livetools.protocol.ToolCall;
import dev.livetools.sdk.LiveTool;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numbers a model (or a hostile server) can send that Java cannot hold: out of range, or only representable as
 * Infinity or NaN. Each is INVALID_ARGUMENT naming the parameter (issue 12, fault 7): never INTERNAL, and never a
 * silent Infinity passed to the tool. The args are decoded from frame text by the real codec, as in a session.
 */
@Timeout(10)
class ToolDispatcherNumbersTest {

    public record Reading(double value, float weight, long count) {
    }

    public static final class Meters {
        @LiveTool
        public String ints(int i) {
            return "int " + i;
        }

        @LiveTool
        public String longs(long l) {
            return "long " + l;
        }

        @LiveTool
        public String doubles(double d) {
            return "double " + d;
        }

        @LiveTool
        public String floats(float f) {
            return "float " + f;
        }

        @LiveTool
        public String bigIntegers(BigInteger b) {
            return "big " + b;
        }

        @LiveTool
        public String bigDecimals(BigDecimal b) {
            return "decimal " + b;
        }

        @LiveTool
        public String boxedDoubles(Double d) {
            return "Double " + d;
        }

        @LiveTool
        public String readings(Reading reading) {
            return "reading " + reading;
        }

        @LiveTool
        public String doubleLists(List<Double> values) {
            return "list " + values;
        }
    }

    private final ToolDispatcher dispatcher = ToolDispatcher.builder(ToolCatalog.builder().addClasses(Meters.class)
            .build()).build();
    private final RecordingSink sink = new RecordingSink();
    private final LiveCodec codec = new LiveCodec();
    private int calls;

    @AfterEach
    void close() {
        dispatcher.close();
    }

    /** The answer to a call whose args are the frame text {@code args}, decoded by the codec. */
    private JsonNode answer(String tool, String args) throws Exception {
        String id = "c" + ++calls;
        ToolCall call = codec.decodeServer("{\"toolCall\":{\"functionCalls\":[{\"id\":\"" + id + "\",\"name\":\""
                + tool + "\",\"args\":" + args + "}]}}").toolCall();
        dispatcher.dispatch(call, sink).get();
        return sink.awaitOne(id).response();
    }

    private JsonNode violation(String tool, String args) throws Exception {
        JsonNode response = answer(tool, args);
        assertThat(response.at("/error/type").asText()).as(response.toString()).isEqualTo("INVALID_ARGUMENT");
        assertThat(response.at("/error/violations")).as(response.toString()).hasSize(1);
        return response.at("/error/violations/0");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "ints|{\"i\":1e400}|i",
            "longs|{\"l\":1e400}|l",
            "doubles|{\"d\":1e400}|d",
            "doubles|{\"d\":-1e400}|d",
            "bigIntegers|{\"b\":1e400}|b",
            "bigDecimals|{\"b\":1e400}|b",
            "boxedDoubles|{\"d\":1e400}|d",
            "doubles|{\"d\":\"1e400\"}|d",
            "floats|{\"f\":1e300}|f",
            "floats|{\"f\":\"1e39\"}|f",
            "doubles|{\"d\":\"NaN\"}|d",
            "doubles|{\"d\":\"Infinity\"}|d",
            "doubles|{\"d\":\"-Infinity\"}|d",
            "floats|{\"f\":\"NaN\"}|f",
            "readings|{\"reading\":{\"value\":1e400,\"weight\":1,\"count\":1}}|reading.value",
            "readings|{\"reading\":{\"value\":\"NaN\",\"weight\":1,\"count\":1}}|reading.value",
            "readings|{\"reading\":{\"value\":1,\"weight\":1e300,\"count\":1}}|reading.weight",
            "readings|{\"reading\":{\"value\":1,\"weight\":1,\"count\":1e400}}|reading.count",
            "doubleLists|{\"values\":[1,\"Infinity\"]}|values[1]"})
    void aNumberJavaCannotHoldIsAnInvalidArgumentNamingTheParameter(String tool, String args, String path)
            throws Exception {
        JsonNode v = violation(tool, args);

        assertThat(v.get("path").asText()).isEqualTo(path);
        assertThat(v.get("constraint").asText()).isEqualTo("type");
        assertThat(v.get("message").asText()).containsAnyOf("must be a finite number", "must be a whole number");
        if (!args.contains("Infinity")) {
            assertThat(v.toString()).as("quotes an Infinity the model never sent").doesNotContain("Infinity");
        }
    }

    @Test
    void theMessageSaysWhatFitsWithoutQuotingAnInfinityTheModelNeverSent() throws Exception {
        JsonNode v = violation("doubles", "{\"d\":1e400}");

        assertThat(v.get("message").asText())
                .isEqualTo("must be a finite number from -1.7976931348623157E308 to 1.7976931348623157E308");
        assertThat(v.has("rejectedValue")).isFalse();
    }

    @Test
    void aFloatOutOfRangeSaysTheFloatRange() throws Exception {
        assertThat(violation("floats", "{\"f\":1e300}").get("message").asText())
                .isEqualTo("must be a finite number from -3.4028235E38 to 3.4028235E38");
    }

    @Test
    void anIntOutOfRangeSaysTheIntRange() throws Exception {
        assertThat(violation("ints", "{\"i\":1e400}").get("message").asText())
                .isEqualTo("must be a whole number from -2147483648 to 2147483647");
    }

    @Test
    void finiteNumbersStillBind() throws Exception {
        assertThat(answer("doubles", "{\"d\":1.7976931348623157e308}").get("output").asText())
                .isEqualTo("double 1.7976931348623157E308");
        assertThat(answer("floats", "{\"f\":\"2.5\"}").get("output").asText()).isEqualTo("float 2.5");
        assertThat(answer("bigDecimals", "{\"b\":\"1e400\"}").get("output").asText()).isEqualTo("decimal 1E+400");
        assertThat(answer("readings", "{\"reading\":{\"value\":\"2.5\",\"weight\":0.5,\"count\":3}}")
                .get("output").asText()).isEqualTo("reading Reading[value=2.5, weight=0.5, count=3]");
    }
}
