package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.sdk.LiveTool;
import dev.livetools.sdk.Param;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The edges of argument binding: exact range limits, text leniency that must not guess, absent nested fields. */
class ToolDispatcherBindingLimitsTest {

    public enum Mode { ECO, FAST }

    public record Owner(String name) {
    }

    public record Job(String title, @Param(required = false) String note, @Param(required = false) Mode mode,
                      Optional<Owner> owner) {
    }

    public static final class Settings {
        public String label;
        public Mode mode;
        public Job job;
    }

    public static final class Limits {
        @LiveTool
        public String ints(int value) {
            return "int " + value;
        }

        @LiveTool
        public String longs(long value) {
            return "long " + value;
        }

        @LiveTool
        public String bytes(byte value) {
            return "byte " + value;
        }

        @LiveTool
        public String shorts(short value) {
            return "short " + value;
        }

        @LiveTool
        public String flags(boolean value) {
            return "flag " + value;
        }

        @LiveTool
        public String texts(String value) {
            return "text " + value;
        }

        @LiveTool
        public String jobs(Job job) {
            return "job " + job.title() + " " + job.note() + " " + job.mode() + " " + job.owner().isPresent();
        }

        @LiveTool
        public String settings(Settings settings) {
            return "settings " + settings.label + " " + settings.mode + " " + settings.job;
        }
    }

    private final ToolDispatcher dispatcher = ToolDispatcher.builder(ToolCatalog.builder().addClasses(Limits.class)
            .build()).build();
    private final RecordingSink sink = new RecordingSink();
    private int calls;

    @AfterEach
    void close() {
        dispatcher.close();
    }

    private JsonNode answer(String tool, String args) throws Exception {
        String id = "c" + ++calls;
        dispatcher.dispatch(toolCall(call(id, tool, args)), sink).get();
        return sink.awaitOne(id).response();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "ints|2147483647|int 2147483647",
            "ints|-2147483648|int -2147483648",
            "ints|'\"2147483647\"'|int 2147483647",
            "longs|9223372036854775807|long 9223372036854775807",
            "longs|-9223372036854775808|long -9223372036854775808",
            "longs|'\"-9223372036854775808\"'|long -9223372036854775808",
            "bytes|127|byte 127",
            "bytes|-128|byte -128",
            "shorts|32767|short 32767",
            "shorts|-32768|short -32768"})
    void theExactLimitsOfEachIntegerTypeBind(String tool, String value, String output) throws Exception {
        assertThat(answer(tool, "{'value':" + value + "}").get("output").asText()).isEqualTo(output);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "ints|2147483648",
            "ints|-2147483649",
            "longs|9223372036854775808",
            "longs|-9223372036854775809",
            "longs|'\"9223372036854775808\"'",
            "bytes|128",
            "bytes|-129",
            "shorts|32768",
            "shorts|-32769"})
    void oneBeyondTheLimitIsAnInvalidArgument(String tool, String value) throws Exception {
        JsonNode response = answer(tool, "{'value':" + value + "}");

        assertThat(response.at("/error/type").asText()).as(response.toString()).isEqualTo("INVALID_ARGUMENT");
        assertThat(response.at("/error/violations/0/path").asText()).isEqualTo("value");
        assertThat(response.at("/error/violations/0/message").asText()).startsWith("must be a whole number from ");
    }

    @Test
    void textThatIsNotABooleanIsRefusedNotReadAsFalse() throws Exception {
        JsonNode response = answer("flags", "{'value':'banana'}");

        assertThat(response.at("/error/type").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(response.at("/error/violations/0/message").asText()).isEqualTo("must be true or false");
    }

    @Test
    void booleanTextInAnyCaseBinds() throws Exception {
        assertThat(answer("flags", "{'value':' TRUE '}").get("output").asText()).isEqualTo("flag true");
        assertThat(answer("flags", "{'value':'False'}").get("output").asText()).isEqualTo("flag false");
    }

    @Test
    void aNumberOrBooleanForAStringIsItsText() throws Exception {
        assertThat(answer("texts", "{'value':42}").get("output").asText()).isEqualTo("text 42");
        assertThat(answer("texts", "{'value':2.5}").get("output").asText()).isEqualTo("text 2.5");
        assertThat(answer("texts", "{'value':true}").get("output").asText()).isEqualTo("text true");
    }

    @Test
    void anObjectForAStringIsAnInvalidArgument() throws Exception {
        JsonNode response = answer("texts", "{'value':{'a':1}}");

        assertThat(response.at("/error/violations/0/message").asText()).isEqualTo("must be a string");
    }

    @Test
    void optionalNestedStringEnumAndRecordComponentsLeftOutAreNullOrEmpty() throws Exception {
        assertThat(answer("jobs", "{'job':{'title':'wash'}}").get("output").asText())
                .isEqualTo("job wash null null false");
    }

    @Test
    void aRequiredNestedComponentLeftOutIsNamedByItsPath() throws Exception {
        JsonNode response = answer("jobs", "{'job':{'note':'x'}}");

        assertThat(response.at("/error/type").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(response.at("/error/violations/0/path").asText()).isEqualTo("job.title");
        assertThat(response.at("/error/violations/0/message").asText()).isEqualTo("is required");
    }

    @Test
    void fieldsOfAClassLeftOutAreBoundAsNull() throws Exception {
        assertThat(answer("settings", "{'settings':{}}").get("output").asText())
                .isEqualTo("settings null null null");
        assertThat(answer("settings", "{'settings':{'label':'a','mode':'eco'}}").get("output").asText())
                .isEqualTo("settings a ECO null");
    }
}
