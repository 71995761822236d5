package dev.livetools.dispatch;

import dev.livetools.catalog.ToolCatalog;
import dev.livetools.protocol.FunctionResponse;
import dev.livetools.sdk.LiveTool;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Validation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.json;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ToolDispatcher#warmUp()}: the one-time validation and JSON work the first call would pay for is done in the
 * background after {@code build()}, without running a tool or a custom constraint validator, and a call that arrives
 * meanwhile is answered exactly as a later one.
 */
@Timeout(10)
class ToolDispatcherWarmUpTest {

    static final AtomicInteger TOOL_RUNS = new AtomicInteger();
    static final AtomicInteger CUSTOM_CHECKS = new AtomicInteger();

    public static final class Lights {
        @LiveTool
        public String setLight(@NotBlank String room, @Min(0) @Max(100) int brightness, boolean on) {
            TOOL_RUNS.incrementAndGet();
            return room + " " + brightness + " " + on;
        }

        @LiveTool
        public String openDoor(@KnownRoom String room) {
            TOOL_RUNS.incrementAndGet();
            return room;
        }
    }

    @Target({ElementType.PARAMETER, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = KnownRoomValidator.class)
    public @interface KnownRoom {
        String message() default "is not a known room";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A user's validator: it might look things up, so the warm-up must never call it. */
    public static final class KnownRoomValidator implements ConstraintValidator<KnownRoom, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            CUSTOM_CHECKS.incrementAndGet();
            return "hall".equals(value);
        }
    }

    private final RecordingValidator validator = new RecordingValidator(
            Validation.buildDefaultValidatorFactory().getValidator());

    private ToolDispatcher dispatcher() {
        return ToolDispatcher.builder(ToolCatalog.builder().addClasses(Lights.class).validator(validator).build())
                .build();
    }

    @Test
    void warmUpValidatesPlaceholderArgumentsOfBuiltInConstraintsOnABackgroundThread() throws Exception {
        try (ToolDispatcher d = dispatcher()) {
            d.warmUp().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        assertThat(validator.parameterChecks).contains("livetools-warmup setLight [null, 0, false]");
        assertThat(validator.beanChecks).anyMatch(s -> s.startsWith("livetools-warmup "));
    }

    @Test
    void warmUpNeverRunsAToolOrACustomConstraintValidator() throws Exception {
        int runs = TOOL_RUNS.get();
        int checks = CUSTOM_CHECKS.get();
        try (ToolDispatcher d = dispatcher()) {
            d.warmUp().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        assertThat(TOOL_RUNS.get()).isEqualTo(runs);
        assertThat(CUSTOM_CHECKS.get()).isEqualTo(checks);
        assertThat(validator.parameterChecks).noneMatch(s -> s.contains("openDoor"));
    }

    @Test
    void callsArrivingDuringWarmUpAreAnsweredExactlyAsCallsAfterIt() throws Exception {
        RecordingSink during = new RecordingSink();
        RecordingSink after = new RecordingSink();
        try (ToolDispatcher d = dispatcher()) {
            // Dispatched at once, while the warm-up has just started (or not yet).
            d.dispatch(toolCall(calls("d")), during).get(5, TimeUnit.SECONDS);
            d.warmUp().toCompletableFuture().get(5, TimeUnit.SECONDS);
            d.dispatch(toolCall(calls("a")), after).get(5, TimeUnit.SECONDS);
        }
        List<FunctionResponse> first = during.await(4, java.time.Duration.ofSeconds(5));
        List<FunctionResponse> later = after.await(4, java.time.Duration.ofSeconds(5));
        assertThat(first.stream().map(r -> r.name() + " " + r.response()).sorted().toList())
                .isEqualTo(later.stream().map(r -> r.name() + " " + r.response()).sorted().toList());
        assertThat(during.responsesFor("d-valid").get(0).response()).isEqualTo(json("{'output':'kitchen 40 true'}"));
        assertThat(during.responsesFor("d-invalid").get(0).response().at("/error/type").asText())
                .isEqualTo("INVALID_ARGUMENT");
        assertThat(during.responsesFor("d-door").get(0).response()).isEqualTo(json("{'output':'hall'}"));
        assertThat(during.responsesFor("d-badDoor").get(0).response().at("/error/violations/0/message").asText())
                .isEqualTo("is not a known room");
    }

    private static dev.livetools.protocol.FunctionCall[] calls(String prefix) {
        return new dev.livetools.protocol.FunctionCall[] {
                call(prefix + "-valid", "setLight", "{'room':'kitchen','brightness':40,'on':true}"),
                call(prefix + "-invalid", "setLight", "{'room':' ','brightness':140,'on':true}"),
                call(prefix + "-door", "openDoor", "{'room':'hall'}"),
                call(prefix + "-badDoor", "openDoor", "{'room':'attic'}")};
    }
}
