package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.json;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.protocol.Schema;
import dev.livetools.sdk.LiveTool;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code @Nullable} (an annotation of that simple name from any library, declaration or type-use) makes a parameter
 * or record component optional: left out or {@code null}, it binds {@code null} and the call runs; the same
 * omission without it is {@code INVALID_ARGUMENT}. {@code @NotNull} outweighs it.
 */
@Timeout(10)
class ToolDispatcherNullableTest {

    /** Like JSR-305's or Jakarta Annotations' {@code @Nullable}: on the declaration. */
    static final class Declared {
        @Retention(RetentionPolicy.RUNTIME)
        @Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
        @interface Nullable {
        }
    }

    /** Like JSpecify's or the Checker Framework's {@code @Nullable}: on the type. */
    static final class TypeUse {
        @Retention(RetentionPolicy.RUNTIME)
        @Target(ElementType.TYPE_USE)
        @interface Nullable {
        }
    }

    public record Step(String what, @Declared.Nullable String where) {
    }

    public static final class Reminders {
        @LiveTool
        public String remind(String text, @Declared.Nullable String room) {
            return text + "@" + room;
        }

        @LiveTool
        public String tag(String text, @TypeUse.Nullable String colour) {
            return text + "#" + colour;
        }

        @LiveTool
        public String announce(@Declared.Nullable @NotNull String room) {
            return room;
        }

        @LiveTool
        public String plan(Step step) {
            return step.what() + "@" + step.where();
        }
    }

    private final ToolCatalog catalog = ToolCatalog.builder().addClasses(Reminders.class).build();
    private final ToolDispatcher dispatcher = ToolDispatcher.builder(catalog).build();
    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void close() {
        dispatcher.close();
    }

    private JsonNode answer(String name, String args) throws Exception {
        dispatcher.dispatch(toolCall(call("c1", name, args)), sink).get(5, TimeUnit.SECONDS);
        return sink.awaitOne("c1").response();
    }

    @Test
    void aMissingNullableArgumentBindsNullAndTheToolRuns() throws Exception {
        assertThat(answer("remind", "{'text':'milk'}")).isEqualTo(json("{'output':'milk@null'}"));
    }

    @Test
    void anExplicitNullForANullableArgumentBindsNull() throws Exception {
        assertThat(answer("remind", "{'text':'milk','room':null}")).isEqualTo(json("{'output':'milk@null'}"));
    }

    @Test
    void aTypeUseNullableCountsLikeADeclarationOne() throws Exception {
        assertThat(answer("tag", "{'text':'milk'}")).isEqualTo(json("{'output':'milk#null'}"));
    }

    @Test
    void aMissingArgumentWithoutNullableIsInvalidArgumentNamingIt() throws Exception {
        JsonNode answer = answer("remind", "{'room':'kitchen'}");

        assertThat(answer.at("/error/type").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(answer.at("/error/violations"))
                .isEqualTo(json("[{'path':'text','constraint':'required','message':'is required'}]"));
    }

    @Test
    void notNullOutweighsNullable() throws Exception {
        JsonNode answer = answer("announce", "{}");

        assertThat(answer.at("/error/type").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(answer.at("/error/violations/0/path").asText()).isEqualTo("room");
        assertThat(answer.at("/error/violations/0/constraint").asText()).isEqualTo("required");
    }

    @Test
    void aNullableRecordComponentMayBeLeftOut() throws Exception {
        assertThat(answer("plan", "{'step':{'what':'water'}}")).isEqualTo(json("{'output':'water@null'}"));
    }

    @Test
    void aRecordComponentWithoutNullableMustBeGiven() throws Exception {
        JsonNode answer = answer("plan", "{'step':{'where':'garden'}}");

        assertThat(answer.at("/error/type").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(answer.at("/error/violations/0/path").asText()).isEqualTo("step.what");
        assertThat(answer.at("/error/violations/0/constraint").asText()).isEqualTo("required");
    }

    @Test
    void theDeclarationTellsTheModelANullableParameterIsOptional() {
        Schema parameters = catalog.find("remind").orElseThrow().declaration().parameters();

        assertThat(parameters.required()).containsExactly("text");
        assertThat(parameters.properties().get("room").nullable()).isTrue();
        assertThat(parameters.properties().get("text").nullable()).isNull();
    }
}
