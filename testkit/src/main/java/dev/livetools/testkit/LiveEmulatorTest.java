package dev.livetools.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test method a fresh, started {@link LiveEmulator} (closed after the test) and a {@link LiveToolsTester}
 * bound to it: declare either as a test method parameter.
 *
 * <pre>{@code
 * @LiveEmulatorTest
 * class ThermostatTest {
 *     @Test
 *     void setsTheLivingRoomTo21(LiveToolsTester tester) {
 *         ToolRun run = tester.run(Scenario.builder("thermostat")
 *                 .expectText("Make the living room 21 degrees")
 *                 .toolCall("c1", "setThermostat", Map.of("temperature", 21, "room", "living room"))
 *                 .expectToolResponse(ResponseCheck.forId("c1").withOutputContaining(Map.of("target", 21)))
 *                 .text("Done.").turnComplete()
 *                 .build(), new HomeTools());
 *         assertTrue(run.passed(), run.report());
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LiveEmulatorExtension.class)
public @interface LiveEmulatorTest {

    /** Model ids the emulator accepts; empty means {@link LiveEmulator#DEFAULT_MODELS}. */
    String[] models() default {};

    /** A key the emulator requires (the tester connects with it); empty accepts any. */
    String apiKey() default "";

    /** Serve {@code wss://} with a self-signed certificate (no {@link LiveToolsTester} then). */
    boolean tls() default false;

    /** How long a tester run may take, in seconds. */
    int timeoutSeconds() default 30;
}
