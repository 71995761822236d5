package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.json;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.sdk.LiveTool;
import dev.livetools.sdk.Param;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How a call's {@code args} become Java arguments, and how bad ones are reported. */
@Timeout(10)
class ToolDispatcherBindingTest {

    public enum Room { KITCHEN, HALL }

    public static final class Lights {
        @LiveTool(description = "Set a light")
        public String setLight(@NotBlank String room, @Min(0) @Max(100) int brightness, boolean on) {
            return room + ":" + brightness + ":" + on;
        }

        @LiveTool
        public String dim(Room room, @Param(required = false) Integer level, @Param(required = false) int steps,
                          @Param(required = false) String note) {
            return room + ":" + level + ":" + steps + ":" + note;
        }

        @LiveTool
        public String measure(double metres, long millis) {
            return metres + ":" + millis;
        }

        @LiveTool
        public @Size(max = 3) String nickname(String name) {
            return name;
        }

        @LiveTool
        public String ping() {
            return "pong";
        }
    }

    private final ToolDispatcher dispatcher = ToolDispatcher.builder(ToolCatalog.builder().addClasses(Lights.class)
            .build()).build();
    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void close() {
        dispatcher.close();
    }

    private JsonNode answer(String name, String args) throws Exception {
        dispatcher.dispatch(toolCall(call("c1", name, args)), sink).get();
        return sink.awaitOne("c1").response();
    }

    private JsonNode violations(String name, String args) throws Exception {
        JsonNode response = answer(name, args);
        assertThat(response.at("/error/type").asText()).as(response.toString()).isEqualTo("INVALID_ARGUMENT");
        return response.at("/error/violations");
    }

    @Test
    void wellFormedArgumentsReachTheMethod() throws Exception {
        assertThat(answer("setLight", "{'room':'kitchen','brightness':40,'on':true}"))
                .isEqualTo(json("{'output':'kitchen:40:true'}"));
    }

    @Test
    void integralDoubleBindsToAnInt() throws Exception {
        assertThat(answer("setLight", "{'room':'kitchen','brightness':40.0,'on':true}"))
                .isEqualTo(json("{'output':'kitchen:40:true'}"));
    }

    @Test
    void fractionalNumberForAnIntIsRejectedNotTruncated() throws Exception {
        assertThat(violations("setLight", "{'room':'kitchen','brightness':40.5,'on':true}")).isEqualTo(json(
                "[{'path':'brightness','constraint':'type','message':'must be a whole number from -2147483648 to "
                        + "2147483647','rejectedValue':40.5}]"));
    }

    @Test
    void numberOutOfRangeForAnIntIsRejected() throws Exception {
        assertThat(violations("setLight", "{'room':'kitchen','brightness':1e12,'on':true}").get(0).get("constraint")
                .asText()).isEqualTo("type");
    }

    @Test
    void numericStringsBindToNumbers() throws Exception {
        assertThat(answer("setLight", "{'room':'kitchen','brightness':' 40 ','on':true}"))
                .isEqualTo(json("{'output':'kitchen:40:true'}"));
        assertThat(answer2("measure", "{'metres':'2.5','millis':'1500'}")).isEqualTo(json("{'output':'2.5:1500'}"));
    }

    private JsonNode answer2(String name, String args) throws Exception {
        dispatcher.dispatch(toolCall(call("c2", name, args)), sink).get();
        return sink.awaitOne("c2").response();
    }

    @Test
    void nonNumericStringForANumberIsRejected() throws Exception {
        assertThat(violations("measure", "{'metres':'far','millis':1}")).isEqualTo(json(
                "[{'path':'metres','constraint':'type','message':'must be a number','rejectedValue':'far'}]"));
    }

    @Test
    void booleanStringsBind() throws Exception {
        assertThat(answer("setLight", "{'room':'kitchen','brightness':1,'on':'TRUE'}"))
                .isEqualTo(json("{'output':'kitchen:1:true'}"));
    }

    @Test
    void enumNamesIgnoreCase() throws Exception {
        assertThat(answer("dim", "{'room':'kitchen','level':3,'steps':2,'note':'x'}"))
                .isEqualTo(json("{'output':'KITCHEN:3:2:x'}"));
    }

    @Test
    void unknownEnumValueListsTheValidOnes() throws Exception {
        assertThat(violations("dim", "{'room':'garage'}")).isEqualTo(json(
                "[{'path':'room','constraint':'type','message':'must be one of KITCHEN, HALL',"
                        + "'rejectedValue':'garage'}]"));
    }

    @Test
    void missingOptionalArgumentsBecomeNullOrTheirDefault() throws Exception {
        assertThat(answer("dim", "{'room':'HALL'}")).isEqualTo(json("{'output':'HALL:null:0:null'}"));
    }

    @Test
    void explicitNullForAnOptionalArgumentIsAbsent() throws Exception {
        assertThat(answer("dim", "{'room':'HALL','level':null}")).isEqualTo(json("{'output':'HALL:null:0:null'}"));
    }

    @Test
    void missingRequiredPrimitiveIsAnError() throws Exception {
        assertThat(violations("setLight", "{'room':'kitchen','on':true}")).isEqualTo(json(
                "[{'path':'brightness','constraint':'required','message':'is required'}]"));
    }

    @Test
    void missingRequiredObjectIsAnError() throws Exception {
        assertThat(violations("setLight", "{'brightness':3,'on':true}")).isEqualTo(json(
                "[{'path':'room','constraint':'required','message':'is required'}]"));
    }

    @Test
    void explicitNullForARequiredArgumentIsAnError() throws Exception {
        assertThat(violations("setLight", "{'room':null,'brightness':3,'on':true}")).isEqualTo(json(
                "[{'path':'room','constraint':'required','message':'is required','rejectedValue':null}]"));
    }

    @Test
    void unknownExtraArgumentsAreReportedNotDropped() throws Exception {
        assertThat(violations("setLight", "{'room':'kitchen','brightness':3,'on':true,'colour':'red'}")).isEqualTo(
                json("[{'path':'colour','constraint':'unknown','message':'is not a parameter of setLight; its "
                        + "parameters are room, brightness, on','rejectedValue':'red'}]"));
    }

    @Test
    void argumentsForAToolWithoutParametersAreReported() throws Exception {
        assertThat(violations("ping", "{'x':1}").get(0).get("message").asText())
                .isEqualTo("is not a parameter of ping, which takes none");
    }

    @Test
    void constraintViolationNamesPathConstraintMessageAndRejectedValue() throws Exception {
        assertThat(violations("setLight", "{'room':'kitchen','brightness':150,'on':true}")).isEqualTo(json(
                "[{'path':'brightness','constraint':'Max','message':'must be less than or equal to 100',"
                        + "'rejectedValue':150}]"));
    }

    @Test
    void everyViolationGetsItsOwnEntryInParameterOrder() throws Exception {
        JsonNode v = violations("setLight", "{'room':' ','brightness':-1,'on':true,'x':0}");
        assertThat(v).hasSize(3);
        assertThat(v.findValuesAsText("constraint")).containsExactly("NotBlank", "Min", "unknown");
        assertThat(v.findValuesAsText("path")).containsExactly("room", "brightness", "x");
    }

    @Test
    void bindingAndValidationProblemsAreReportedTogether() throws Exception {
        JsonNode v = violations("setLight", "{'room':'','brightness':2.5}");
        assertThat(v.findValuesAsText("path")).containsExactly("room", "brightness", "on");
        assertThat(v.findValuesAsText("constraint")).containsExactly("NotBlank", "type", "required");
    }

    @Test
    void invalidArgumentMessageSummarisesEveryViolationForTheModel() throws Exception {
        JsonNode response = answer("setLight", "{'room':'kitchen','brightness':150}");
        assertThat(response.at("/error/message").asText()).isEqualTo("Invalid arguments for setLight: "
                + "brightness must be less than or equal to 100; on is required");
    }

    @Test
    void declaredReturnValueConstraintsAreChecked() throws Exception {
        JsonNode response = answer("nickname", "{'name':'Alexander'}");
        assertThat(response.at("/error/type").asText()).isEqualTo("INTERNAL");
        assertThat(response.at("/error/violations/0/path").asText()).isEqualTo("output");
        assertThat(response.at("/error/violations/0/constraint").asText()).isEqualTo("Size");
    }

    @Test
    void resultWithinItsConstraintsIsSent() throws Exception {
        assertThat(answer("nickname", "{'name':'Al'}")).isEqualTo(json("{'output':'Al'}"));
    }
}
