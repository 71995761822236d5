package dev.livetools.testkit;

import dev.livetools.dispatch.CallEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.session.SessionEvent;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Scenarios against real tools through LiveSession + ToolDispatcher, with the JUnit extension. */
@LiveEmulatorTest(timeoutSeconds = 10)
@Timeout(60)
class LiveToolsTesterTest {

    private static Scenario.Builder thermostat(String name) {
        return Scenario.builder(name).expectTimeout(Duration.ofSeconds(15));
    }

    @Test
    void aToolAnswersTheModelsCall(LiveToolsTester tester) {
        ToolRun run = tester.run(thermostat("set 21")
                .expectText("Make the living room 21 degrees")
                .toolCall("c1", "setThermostat", Map.of("temperature", 21))
                .expectToolResponse(ResponseCheck.forId("c1").withName("setThermostat")
                        .withOutput(Map.of("room", "living room", "target", 21)))
                .text("The living room is set to 21 degrees.").turnComplete()
                .build(), new ThermostatTools());

        assertThat(run.passed()).as(run.report()).isTrue();
        assertThat(run.events()).anySatisfy(e -> assertThat(e)
                .isEqualTo(new SessionEvent.Text("The living room is set to 21 degrees.", false)));
        assertThat(run.toolCalls()).extracting(SessionEvent.ToolCall::stage)
                .contains(CallEvent.Kind.QUEUED, CallEvent.Kind.FINISHED);
    }

    @Test
    void anOutOfRangeArgumentIsAnsweredWithInvalidArgument(LiveToolsTester tester) {
        ToolRun run = tester.run(thermostat("too hot")
                .expectText("Make it 50 degrees")
                .toolCall("c1", "setThermostat", Map.of("temperature", 50))
                .expectToolResponse(ResponseCheck.forId("c1").withErrorType("INVALID_ARGUMENT")
                        .withResponseContaining("temperature"))
                .text("I can set 5 to 30 degrees.").turnComplete()
                .build(), ThermostatTools.class);

        assertThat(run.passed()).as(run.report()).isTrue();
    }

    @Test
    void aWrongResultFailsTheRunWithAReport(LiveToolsTester tester) {
        ToolRun run = tester.run(thermostat("wrong expectation")
                .expectText("Make it 21")
                .toolCall("c1", "setThermostat", Map.of("temperature", 21))
                .expectToolResponse(ResponseCheck.forId("c1").withOutputContaining(Map.of("target", 22)))
                .build(), new ThermostatTools());

        assertThat(run.passed()).isFalse();
        assertThat(run.report()).contains("FAILED").contains("does not contain {\"target\":22}");
    }

    @Test
    void anAnyTextExpectationIsRefusedBeforeAnythingIsSent(LiveToolsTester tester) {
        Scenario anyText = thermostat("any text").step(new Step.ExpectText(TextMatch.any())).text("ok").build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tester.run(anyText, new ThermostatTools()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scenario 'any text': steps[0]: {\"expectText\": {}} accepts any text");
        assertThat(tester.emulator().frames()).isEmpty();
    }

    @Test
    void userTurnsAreSentOnePerCompletedModelTurn(LiveToolsTester tester) {
        ToolRun run = tester.run(thermostat("two turns")
                .text("Hello! What can I do?").turnComplete()
                .expectText("Bedroom to 18 please")
                .toolCall("c1", "setThermostat", Map.of("temperature", 18, "room", "bedroom"))
                .expectToolResponse(ResponseCheck.forId("c1").withOutputContaining(Map.of("room", "bedroom")))
                .text("Done.").turnComplete()
                .expectText("Thanks")
                .text("You're welcome.").turnComplete()
                .build(), new ThermostatTools());

        assertThat(run.passed()).as(run.report()).isTrue();
    }

    @Test
    void aCancelledCallIsInterruptedAndNotAnswered(LiveToolsTester tester) throws Exception {
        ThermostatTools tools = new ThermostatTools();
        ToolRun run = tester.run(thermostat("cancel")
                .expectText("Run the survey")
                .toolCall("s1", "slowSurvey", Map.of())
                .delay(Duration.ofMillis(100))
                .interrupted()
                .cancelToolCalls("s1")
                .expectNoToolResponse(Duration.ofMillis(300), "s1")
                .text("Stopped.").turnComplete()
                .build(), tools);

        assertThat(run.passed()).as(run.report()).isTrue();
        assertThat(tools.slowCancelled.await(15, TimeUnit.SECONDS)).isTrue();
        assertThat(run.toolCalls()).extracting(SessionEvent.ToolCall::stage)
                .contains(CallEvent.Kind.CANCELLED);
    }

    @Test
    void theSessionResumesAfterADropAndTheScenarioContinues(LiveToolsTester tester, LiveEmulator emulator) {
        ToolRun run = tester.run(thermostat("drop and resume")
                .resumptionUpdate("handle-7")
                .expectText("Set 19")
                .drop()
                .toolCall("c1", "setThermostat", Map.of("temperature", 19))
                .expectToolResponse(ResponseCheck.forId("c1").withOutputContaining(Map.of("target", 19)))
                .text("Back, and set.").turnComplete()
                .build(), new ThermostatTools());

        assertThat(run.passed()).as(run.report()).isTrue();
        assertThat(emulator.sessions()).isEqualTo(1);
        assertThat(emulator.frames()).extracting(RecordedFrame::connection).contains(2);
    }

    @Test
    void theExtensionInjectsOneStartedEmulatorPerTest(LiveEmulator emulator, LiveToolsTester tester) {
        assertThat(emulator.port()).isPositive();
        assertThat(tester.emulator()).isSameAs(emulator);
    }

    @Test
    @LiveEmulatorTest(apiKey = "test-key")
    void theTesterConnectsWithTheKeyTheEmulatorRequires(LiveToolsTester tester) {
        ToolRun run = tester.run(thermostat("keyed").text("hi").turnComplete().build(), new ThermostatTools());

        assertThat(run.passed()).as(run.report()).isTrue();
    }
}
