package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.json;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.sdk.LiveTool;
import dev.livetools.sdk.Param;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Records, lists, java.time and Optional arguments: the same leniency and strictness, reported by nested path. */
@Timeout(10)
class ToolDispatcherStructuredArgumentsTest {

    public enum Action { ON, OFF, DIM }

    public record Step(LocalTime at, Action action, @Min(0) @Max(100) int level, Optional<String> note) {
    }

    public record Routine(@NotBlank String name, @Valid @Size(min = 1) List<Step> steps) {
    }

    public record Window(@Param(name = "start_time") LocalTime startTime, @Param(name = "end_time") LocalTime endTime) {
    }

    public static final class Routines {
        @LiveTool
        public String schedule(@Valid Routine routine) {
            return routine.name() + ": " + routine.steps().stream()
                    .map(s -> s.at() + " " + s.action() + " " + s.level() + s.note().map(n -> " " + n).orElse(""))
                    .collect(Collectors.joining(", "));
        }

        @LiveTool
        public String remind(String text, Optional<LocalDate> on, Optional<Integer> times) {
            return text + " on " + on.map(LocalDate::toString).orElse("any day") + " x" + times.orElse(1);
        }

        @LiveTool
        public String tag(List<@NotBlank String> tags) {
            return String.join("+", tags);
        }

        @LiveTool
        public String quiet(Window window) {
            return window.startTime() + "-" + window.endTime();
        }
    }

    private final ToolDispatcher dispatcher = ToolDispatcher.builder(ToolCatalog.builder()
            .addClasses(Routines.class).build()).build();
    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void close() {
        dispatcher.close();
    }

    private JsonNode answer(String name, String args) throws Exception {
        dispatcher.dispatch(toolCall(call("c1", name, args)), sink).get();
        return sink.awaitOne("c1").response();
    }

    private JsonNode violations(String args) throws Exception {
        JsonNode response = answer("schedule", args);
        assertThat(response.at("/error/type").asText()).as(response.toString()).isEqualTo("INVALID_ARGUMENT");
        return response.at("/error/violations");
    }

    private static String routine(String step) {
        return "{'routine':{'name':'Morning','steps':[" + step + "]}}";
    }

    @Test
    void nestedRecordWithListTimeAndEnumBinds() throws Exception {
        assertThat(answer("schedule", routine("{'at':'07:30','action':'dim','level':40.0,'note':'gently'},"
                + "{'at':'08:00:15','action':'OFF','level':'0'}")))
                .isEqualTo(json("{'output':'Morning: 07:30 DIM 40 gently, 08:00:15 OFF 0'}"));
    }

    @Test
    void isoStringsBindToJavaTimeAndAbsentOptionalsAreEmpty() throws Exception {
        assertThat(answer("remind", "{'text':'bins','on':'2025-06-30'}"))
                .isEqualTo(json("{'output':'bins on 2025-06-30 x1'}"));
    }

    @Test
    void presentOptionalNumberFollowsTheWholeNumberRule() throws Exception {
        assertThat(answer("remind", "{'text':'bins','times':2.0}")).isEqualTo(json("{'output':'bins on any day x2'}"));
    }

    @Test
    void malformedIsoTimeNamesTheNestedPathAndAnExample() throws Exception {
        assertThat(violations(routine("{'at':'25:00','action':'ON','level':1}"))).isEqualTo(json(
                "[{'path':'routine.steps[0].at','constraint':'type',"
                        + "'message':'must be an ISO-8601 LocalTime such as 07:30','rejectedValue':'25:00'}]"));
    }

    @Test
    void fractionalNestedIntIsRejectedNotTruncated() throws Exception {
        assertThat(violations(routine("{'at':'07:00','action':'ON','level':40.5}"))).isEqualTo(json(
                "[{'path':'routine.steps[0].level','constraint':'type','message':'must be a whole number from "
                        + "-2147483648 to 2147483647','rejectedValue':40.5}]"));
    }

    @Test
    void unknownNestedEnumValueListsTheValidOnes() throws Exception {
        assertThat(violations(routine("{'at':'07:00','action':'blink','level':1}")).get(0).get("message").asText())
                .isEqualTo("must be one of ON, OFF, DIM");
    }

    @Test
    void missingNestedRequiredFieldIsReported() throws Exception {
        assertThat(violations(routine("{'at':'07:00','action':'ON'}"))).isEqualTo(json(
                "[{'path':'routine.steps[0].level','constraint':'required','message':'is required'}]"));
    }

    @Test
    void nullForANestedPrimitiveIsReported() throws Exception {
        assertThat(violations(routine("{'at':'07:00','action':'ON','level':null}")).get(0).get("path").asText())
                .isEqualTo("routine.steps[0].level");
    }

    @Test
    void unknownNestedFieldIsReportedWithTheKnownOnes() throws Exception {
        assertThat(violations(routine("{'at':'07:00','action':'ON','level':1,'colour':'red'}"))).isEqualTo(json(
                "[{'path':'routine.steps[0].colour','constraint':'unknown','message':'is not a field of Step; known "
                        + "fields: action, at, level, note','rejectedValue':'red'}]"));
    }

    @Test
    void objectWhereAListBelongsIsATypeError() throws Exception {
        assertThat(violations("{'routine':{'name':'Morning','steps':{'at':'07:00'}}}").get(0).get("message").asText())
                .isEqualTo("must be a list");
    }

    @Test
    void validCascadesIntoRecordsAndListsWithNestedPaths() throws Exception {
        JsonNode v = violations("{'routine':{'name':' ','steps':[{'at':'07:00','action':'ON','level':150}]}}");
        assertThat(v).isEqualTo(json("[{'path':'routine.name','constraint':'NotBlank','message':'must not be blank',"
                + "'rejectedValue':' '},{'path':'routine.steps[0].level','constraint':'Max',"
                + "'message':'must be less than or equal to 100','rejectedValue':150}]"));
    }

    @Test
    void emptyListViolatesItsSizeConstraint() throws Exception {
        assertThat(violations("{'routine':{'name':'Morning','steps':[]}}")).isEqualTo(json(
                "[{'path':'routine.steps','constraint':'Size','message':'size must be between 1 and 2147483647',"
                        + "'rejectedValue':[]}]"));
    }

    @Test
    void containerElementConstraintNamesTheElement() throws Exception {
        JsonNode response = answer("tag", "{'tags':['a',' ']}");
        assertThat(response.at("/error/violations")).isEqualTo(json(
                "[{'path':'tags[1]','constraint':'NotBlank','message':'must not be blank','rejectedValue':' '}]"));
    }

    @Test
    void paramNamesOnRecordComponentsAreTheNamesTheModelUses() throws Exception {
        assertThat(answer("quiet", "{'window':{'start_time':'22:00','end_time':'06:30'}}"))
                .isEqualTo(json("{'output':'22:00-06:30'}"));
    }
}
