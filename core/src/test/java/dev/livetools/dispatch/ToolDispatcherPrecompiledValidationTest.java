package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.json;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.sdk.LiveTool;
import dev.livetools.sdk.Param;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tools whose constraints the dispatcher precompiles answer exactly as Hibernate Validator alone makes them answer:
 * the reference is a dispatcher given its own validator, which never precompiles.
 */
@Timeout(20)
class ToolDispatcherPrecompiledValidationTest {

    public static final class Device {
        @LiveTool
        public String setLight(@NotBlank String room, @Min(0) @Max(100) int brightness, boolean on) {
            return room + ":" + brightness + ":" + on;
        }

        @LiveTool
        public String tune(@Positive @Max(999) long channel, @Param(required = false) @Negative Integer offset,
                           @NotEmpty @Size(max = 8) String label, @Param(required = false) @Size(min = 2) String tag,
                           @NotNull Short mode) {
            return channel + ":" + offset + ":" + label + ":" + tag + ":" + mode;
        }
    }

    // Built per test, not once per class: PIT runs many mutants in one JVM, and a dispatcher built under the first
    // would answer for all of them.
    private final AtomicInteger ids = new AtomicInteger();
    private final ValidatorFactory ownFactory = Validation.buildDefaultValidatorFactory();
    private final ToolDispatcher precompiled = ToolDispatcher.builder(ToolCatalog.builder().addClasses(Device.class)
            .build()).build();
    private final ToolDispatcher reference = ToolDispatcher.builder(ToolCatalog.builder().addClasses(Device.class)
            .validator(ownFactory.getValidator()).build()).build();

    @AfterEach
    void close() {
        precompiled.close();
        reference.close();
        ownFactory.close();
    }

    private JsonNode answer(ToolDispatcher dispatcher, String name, String args) throws Exception {
        // A dispatcher answers an id once; every call here gets a fresh one.
        String id = "c" + ids.incrementAndGet();
        RecordingSink sink = new RecordingSink();
        dispatcher.dispatch(toolCall(call(id, name, args)), sink).get();
        return sink.awaitOne(id).response();
    }

    @Test
    void validCallsReachTheMethod() throws Exception {
        assertThat(answer(precompiled, "setLight", "{'room':'hall','brightness':100,'on':true}"))
                .isEqualTo(json("{'output':'hall:100:true'}"));
        assertThat(answer(precompiled, "setLight", "{'room':' x ','brightness':0,'on':false}"))
                .isEqualTo(json("{'output':' x :0:false'}"));
        assertThat(answer(precompiled, "tune", "{'channel':999,'offset':-1,'label':'news','tag':'ab','mode':3}"))
                .isEqualTo(json("{'output':'999:-1:news:ab:3'}"));
    }

    @Test
    void invalidCallsGetTheSameViolationsAsWithHibernateValidatorAlone() throws Exception {
        List<String[]> calls = List.of(
                new String[]{"setLight", "{'room':'hall','brightness':101,'on':true}"},
                new String[]{"setLight", "{'room':'hall','brightness':-1,'on':true}"},
                new String[]{"setLight", "{'room':'   ','brightness':50,'on':true}"},
                new String[]{"setLight", "{'room':'','brightness':2147483647,'on':true}"},
                new String[]{"setLight", "{'room':'hall','brightness':140.5,'on':'maybe'}"},
                new String[]{"setLight", "{'room':'\\t','brightness':7,'on':true,'extra':1}"},
                new String[]{"tune", "{'channel':0,'label':'news','mode':1}"},
                new String[]{"tune", "{'channel':1000,'offset':0,'label':'','mode':1}"},
                new String[]{"tune", "{'channel':5,'label':'a-long-label','tag':'x'}"},
                new String[]{"tune", "{'channel':-9223372036854775808,'offset':2147483647,'label':'ok','mode':1}"});
        for (String[] c : calls) {
            JsonNode fast = answer(precompiled, c[0], c[1]);
            assertThat(fast.at("/error/type").asText()).as(c[1]).isEqualTo("INVALID_ARGUMENT");
            assertThat(fast).as(c[1]).isEqualTo(answer(reference, c[0], c[1]));
        }
    }

    @Test
    void absentOptionalConstrainedArgumentsAreValid() throws Exception {
        assertThat(answer(precompiled, "tune", "{'channel':1,'label':'x','mode':0}"))
                .isEqualTo(json("{'output':'1:null:x:null:0'}"));
    }
}
