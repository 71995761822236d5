package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.json;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.sdk.LiveTool;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.cfg.defs.NotBlankDef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A catalog given its own Jakarta {@link Validator} checks every call with it. The precompiled check that lets valid
 * calls skip the JVM-wide validator is off then: such a validator may define the built-in constraints its own way, or
 * declare constraints the annotations do not show, and only it can say a call is valid.
 */
@Timeout(20)
class ToolDispatcherCustomValidatorTest {

    public static final class Lights {
        @LiveTool
        public String setLight(@NotBlank String room, @Min(0) @Max(100) int brightness) {
            return room + ":" + brightness;
        }

        @LiveTool
        public String label(@Size(max = 4) String text) {
            return text;
        }

        @LiveTool
        public String rename(String room) {
            return room;
        }
    }

    /** {@code @Size} in UTF-8 bytes rather than characters, as for a database column limited in bytes. */
    public static final class Utf8SizeValidator implements ConstraintValidator<Size, CharSequence> {
        private int min;
        private int max;

        @Override
        public void initialize(Size size) {
            min = size.min();
            max = size.max();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int bytes = value.toString().getBytes(StandardCharsets.UTF_8).length;
            return bytes >= min && bytes <= max;
        }
    }

    private ValidatorFactory factory;
    private ToolDispatcher dispatcher;
    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void close() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (factory != null) {
            factory.close();
        }
    }

    private ToolDispatcher dispatcherWith(Validator validator) throws Exception {
        dispatcher = ToolDispatcher.builder(ToolCatalog.builder().addClasses(Lights.class).validator(validator)
                .build()).build();
        // Let the warm-up's own checks happen before the calls under test.
        dispatcher.warmUp().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return dispatcher;
    }

    private Validator hibernateValidator(Consumer<ConstraintMapping> mapping) {
        HibernateValidatorConfiguration config = Validation.byProvider(HibernateValidator.class).configure();
        ConstraintMapping m = config.createConstraintMapping();
        mapping.accept(m);
        factory = config.addMapping(m).buildValidatorFactory();
        return factory.getValidator();
    }

    private JsonNode answer(String id, String name, String args) throws Exception {
        dispatcher.dispatch(toolCall(call(id, name, args)), sink).get(10, TimeUnit.SECONDS);
        return sink.awaitOne(id).response();
    }

    @Test
    void theCustomValidatorChecksEveryValidCall() throws Exception {
        factory = Validation.buildDefaultValidatorFactory();
        RecordingValidator validator = new RecordingValidator(factory.getValidator());
        dispatcherWith(validator);

        for (int i = 1; i <= 3; i++) {
            assertThat(answer("c" + i, "setLight", "{'room':'hall','brightness':" + (10 * i) + "}"))
                    .isEqualTo(json("{'output':'hall:" + (10 * i) + "'}"));
        }

        assertThat(validator.parameterChecks.stream().filter(c -> !c.startsWith("livetools-warmup "))
                .map(c -> c.substring(c.indexOf(' ') + 1)))
                .containsExactly("setLight [hall, 10]", "setLight [hall, 20]", "setLight [hall, 30]");
    }

    @Test
    void aBuiltInConstraintTheCustomValidatorDefinesOtherwiseIsCheckedItsWay() throws Exception {
        dispatcherWith(hibernateValidator(m -> m.constraintDefinition(Size.class).includeExistingValidators(false)
                .validatedBy(Utf8SizeValidator.class)));

        // Four characters, five bytes: valid by the built-in @Size, too long for the host's definition.
        JsonNode answer = answer("c1", "label", "{'text':'café'}");

        assertThat(answer.at("/error/type").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(answer.at("/error/violations")).isEqualTo(json(
                "[{'path':'text','constraint':'Size','message':'size must be between 0 and 4',"
                        + "'rejectedValue':'café'}]"));
    }

    @Test
    void aConstraintOnlyTheCustomValidatorDeclaresIsChecked() throws Exception {
        dispatcherWith(hibernateValidator(m -> m.type(Lights.class).method("rename", String.class).parameter(0)
                .constraint(new NotBlankDef())));

        JsonNode answer = answer("c1", "rename", "{'room':'  '}");

        assertThat(answer.at("/error/type").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(answer.at("/error/violations/0/path").asText()).isEqualTo("room");
        assertThat(answer.at("/error/violations/0/constraint").asText()).isEqualTo("NotBlank");
    }
}
