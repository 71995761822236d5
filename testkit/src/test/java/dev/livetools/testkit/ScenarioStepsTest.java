package dev.livetools.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One behaviour per scenario step, seen from a plain WebSocket client. */
@Timeout(60)
class ScenarioStepsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static Scenario.Builder scenario() {
        return Scenario.builder("test").expectTimeout(Duration.ofSeconds(15));
    }

    private static String text(String text) {
        return "{\"clientContent\":{\"turns\":[{\"role\":\"user\",\"parts\":[{\"text\":\"" + text + "\"}]}],"
                + "\"turnComplete\":true}}";
    }

    private static String response(String id, String name, String responseJson) {
        return "{\"toolResponse\":{\"functionResponses\":[{\"id\":\"" + id + "\",\"name\":\"" + name
                + "\",\"response\":" + responseJson + "}]}}";
    }

    @Test
    void textIsAModelTurnPart() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(scenario().text("Hello there").build()).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);

            JsonNode frame = client.expect("serverContent");

            assertThat(frame.at("/serverContent/modelTurn/parts/0/text").asText()).isEqualTo("Hello there");
            assertThat(emulator.awaitResult(WAIT).passed()).isTrue();
        }
    }

    @Test
    void audioIsChunksOf24kHzPcmInlineData() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(scenario().audio(3, 960).build()).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);

            for (int i = 0; i < 3; i++) {
                JsonNode part = client.expect("serverContent").at("/serverContent/modelTurn/parts/0/inlineData");
                assertThat(part.path("mimeType").asText()).isEqualTo("audio/pcm;rate=24000");
                byte[] pcm = Base64.getDecoder().decode(part.path("data").asText());
                assertThat(pcm).hasSize(960).isNotEqualTo(new byte[960]);
            }
        }
    }

    @Test
    void transcriptionsGoToInputAndOutputFields() throws Exception {
        Scenario s = scenario().inputTranscription("turn on the light")
                .step(new Step.Transcription(Step.Transcription.Direction.OUTPUT, "Done.", true)).build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);

            assertThat(client.expect("serverContent").at("/serverContent/inputTranscription/text").asText())
                    .isEqualTo("turn on the light");
            JsonNode output = client.expect("serverContent").at("/serverContent/outputTranscription");
            assertThat(output.path("text").asText()).isEqualTo("Done.");
            assertThat(output.path("finished").asBoolean()).isTrue();
        }
    }

    @Test
    void toolCallCarriesSeveralCallsInOneFrame() throws Exception {
        Scenario s = scenario().toolCalls(Scenario.call("c1", "set_light", Map.of("room", "hall")),
                Scenario.call("c2", "get_time", null)).build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);

            JsonNode calls = client.expect("toolCall").at("/toolCall/functionCalls");

            assertThat(calls).hasSize(2);
            assertThat(calls.get(0).path("id").asText()).isEqualTo("c1");
            assertThat(calls.get(0).at("/args/room").asText()).isEqualTo("hall");
            assertThat(calls.get(1).path("name").asText()).isEqualTo("get_time");
            assertThat(calls.get(1).path("args").isObject()).isTrue();
        }
    }

    @Test
    void builderMakesUpServiceStyleCallIds() {
        Scenario s = Scenario.builder("ids").toolCall("a", Map.of()).toolCall("b", Map.of()).build();

        assertThat(s.steps()).extracting(step -> ((Step.ToolCall) step).calls().get(0).id())
                .containsExactly("function-call-1", "function-call-2");
    }

    @Test
    void expectedToolResponsePasses() throws Exception {
        Scenario s = scenario().toolCall("c1", "set_light", Map.of("room", "hall"))
                .expectToolResponse(ResponseCheck.forId("c1").withName("set_light")
                        .withOutputContaining(Map.of("on", true)))
                .build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.expect("toolCall");
            client.send(response("c1", "set_light", "{\"output\":{\"room\":\"hall\",\"on\":true}}"));

            ScenarioResult result = emulator.awaitResult(WAIT);

            assertThat(result.passed()).as(result.report()).isTrue();
            assertThat(result.steps().get(1).detail()).contains("c1 -> {\"output\"");
        }
    }

    @Test
    void responsesInSeparateMessagesSatisfyOneExpectation() throws Exception {
        Scenario s = scenario().toolCalls(Scenario.call("c1", "f", null), Scenario.call("c2", "f", null))
                .expectToolResponse(ResponseCheck.forId("c1"), ResponseCheck.forId("c2")).build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.expect("toolCall");
            client.send(response("c2", "f", "{\"output\":2}"));
            client.send(response("c1", "f", "{\"output\":1}"));

            assertThat(emulator.awaitResult(WAIT).passed()).isTrue();
        }
    }

    @Test
    void snakeCaseToolResponseIsAccepted() throws Exception {
        Scenario s = scenario().toolCall("c1", "f", null).expectToolResponse(ResponseCheck.forId("c1")
                .withOutput("ok")).build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.expect("toolCall");
            client.send("{\"tool_response\":{\"function_responses\":[{\"id\":\"c1\",\"name\":\"f\",\"response\":"
                    + "{\"output\":\"ok\"}}]}}");

            assertThat(emulator.awaitResult(WAIT).passed()).isTrue();
        }
    }

    @Test
    void wrongOutputFailsTheStepAndClosesWith1008() throws Exception {
        Scenario s = scenario().toolCall("c1", "f", null)
                .expectToolResponse(ResponseCheck.forId("c1").withOutput(Map.of("level", 60)))
                .text("never sent").build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.expect("toolCall");
            client.send(response("c1", "f", "{\"output\":{\"level\":50}}"));

            ScenarioResult result = emulator.awaitResult(WAIT);

            assertThat(result.passed()).isFalse();
            assertThat(result.failures()).singleElement().satisfies(f -> assertThat(f.detail())
                    .isEqualTo("c1: output is {\"level\":50}, expected {\"level\":60}"));
            assertThat(result.steps().get(2).status()).isEqualTo(StepResult.Status.NOT_REACHED);
            TestClient.Closed closed = client.awaitClose();
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).startsWith("livetools emulator: scenario 'test' failed at step 1");
        }
    }

    @Test
    void numbersCompareByValue() throws Exception {
        Scenario s = scenario().toolCall("c1", "f", null)
                .expectToolResponse(ResponseCheck.forId("c1").withOutput(Map.of("level", 60))).build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.expect("toolCall");
            client.send(response("c1", "f", "{\"output\":{\"level\":60.0}}"));

            assertThat(emulator.awaitResult(WAIT).passed()).isTrue();
        }
    }

    @Test
    void errorTypeIsReadFromTheErrorObject() throws Exception {
        Scenario s = scenario().toolCall("c1", "f", null)
                .expectToolResponse(ResponseCheck.forId("c1").withErrorType("INVALID_ARGUMENT")).build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.expect("toolCall");
            client.send(response("c1", "f", "{\"error\":{\"type\":\"TOOL_ERROR\",\"message\":\"boom\"}}"));

            ScenarioResult result = emulator.awaitResult(WAIT);

            assertThat(result.passed()).isFalse();
            assertThat(result.failures().get(0).detail()).contains("error type is \"TOOL_ERROR\", expected"
                    + " \"INVALID_ARGUMENT\"");
        }
    }

    @Test
    void missingToolResponseTimesOutNamingTheIds() throws Exception {
        Scenario s = scenario().expectTimeout(Duration.ofMillis(200)).toolCall("c1", "f", null)
                .expectToolResponse(ResponseCheck.forId("c1")).build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.expect("toolCall");
            client.send(text("are you there?"));

            ScenarioResult result = emulator.awaitResult(WAIT);

            assertThat(result.failures().get(0).detail()).isEqualTo("timed out after 200 ms waiting for"
                    + " toolResponse for [c1]; received instead: user text \"are you there?\"");
        }
    }

    @Test
    void partialAndFinalResponsesOfANonBlockingCallAreTellApart() throws Exception {
        Scenario s = scenario().toolCall("t1", "start_timer", Map.of("seconds", 1))
                .expectToolResponse(ResponseCheck.forId("t1").withWillContinue(true).withOutputContaining("set"))
                .expectToolResponse(ResponseCheck.forId("t1").withWillContinue(false).withOutputContaining("done"))
                .build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.expect("toolCall");
            client.send("{\"toolResponse\":{\"functionResponses\":[{\"id\":\"t1\",\"name\":\"start_timer\","
                    + "\"response\":{\"output\":\"timer set\"},\"willContinue\":true,\"scheduling\":\"SILENT\"}]}}");
            client.send(response("t1", "start_timer", "{\"output\":\"timer done\"}"));

            ScenarioResult result = emulator.awaitResult(WAIT);
            assertThat(result.passed()).as(result.report()).isTrue();
        }
    }

    @Test
    void cancellationListsTheIdsAndLateResponsesAreReported() throws Exception {
        Scenario s = scenario().toolCall("c1", "slow", null).cancelToolCalls("c1")
                .expectNoToolResponse(Duration.ofMillis(100), "c1").build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.expect("toolCall");

            assertThat(client.expect("toolCallCancellation").at("/toolCallCancellation/ids/0").asText())
                    .isEqualTo("c1");
            assertThat(emulator.awaitResult(WAIT).passed()).isTrue();
        }
    }

    @Test
    void aResponseToACancelledCallFailsExpectNoToolResponse() throws Exception {
        Scenario s = scenario().toolCall("c1", "slow", null).cancelToolCalls("c1")
                .expectNoToolResponse(Duration.ofSeconds(2), "c1").build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.expect("toolCall");
            client.expect("toolCallCancellation");
            client.send(response("c1", "slow", "{\"output\":\"too late\"}"));

            ScenarioResult result = emulator.awaitResult(WAIT);

            assertThat(result.passed()).isFalse();
            assertThat(result.failures().get(0).detail()).startsWith("got functionResponse");
        }
    }

    @Test
    void interruptedIsAServerContentFlag() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(scenario().interrupted().build()).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);

            assertThat(client.expect("serverContent").at("/serverContent/interrupted").asBoolean()).isTrue();
        }
    }

    @Test
    void turnCompleteFollowsGenerationCompleteAndCarriesUsage() throws Exception {
        Scenario s = scenario().turnComplete(Map.of("promptTokenCount", 515, "responseTokenCount", 38)).build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);

            assertThat(client.expect("serverContent").at("/serverContent/generationComplete").asBoolean()).isTrue();
            JsonNode done = client.expect("serverContent");
            assertThat(done.at("/serverContent/turnComplete").asBoolean()).isTrue();
            assertThat(done.at("/usageMetadata/responseTokenCount").asInt()).isEqualTo(38);
        }
    }

    @Test
    void usageMetadataCanBeSentAlone() throws Exception {
        Scenario s = scenario().usage(Map.of("totalTokenCount", 553)).build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);

            assertThat(client.expect("usageMetadata").at("/usageMetadata/totalTokenCount").asInt()).isEqualTo(553);
        }
    }

    @Test
    void goAwaySendsTheTimeLeftAsAProtoDuration() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(scenario().goAway(Duration.ofMillis(1500))
                .build()).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);

            assertThat(client.expect("goAway").at("/goAway/timeLeft").asText()).isEqualTo("1.5s");
        }
    }

    @Test
    void rawMessagesAreSentAsGiven() throws Exception {
        var raw = TestClient.JSON.createObjectNode();
        raw.putObject("voiceActivity").put("voiceActivityType", "ACTIVITY_START");
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(scenario().raw(raw).build()).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);

            assertThat(client.expect("voiceActivity")).isEqualTo(raw);
        }
    }

    @Test
    void expectTextMatchesClientContentAndRealtimeText() throws Exception {
        Scenario s = scenario().expectText("Turn on the hall light").expectTextContaining("THERMOSTAT")
                .text("ok").build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.send(text("Turn on the hall light"));
            client.send("{\"realtimeInput\":{\"text\":\"set the thermostat to 21\"}}");

            assertThat(client.expect("serverContent")).isNotNull();
            assertThat(emulator.awaitResult(WAIT).passed()).isTrue();
        }
    }

    @Test
    void differentUserTextFailsExpectText() throws Exception {
        Scenario s = scenario().expectText("Turn on the hall light").build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.send(text("Turn off everything"));

            assertThat(emulator.awaitResult(WAIT).failures().get(0).detail())
                    .isEqualTo("the user said \"Turn off everything\", expected \"Turn on the hall light\"");
        }
    }

    @Test
    void expectAudioCountsDecodedBytesAcrossChunks() throws Exception {
        Scenario s = scenario().expectAudio(3000).expectActivityEnd().text("heard you").build();
        String chunk = Base64.getEncoder().encodeToString(new byte[1600]);
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.send("{\"realtimeInput\":{\"activityStart\":{}}}");
            client.send("{\"realtimeInput\":{\"audio\":{\"data\":\"" + chunk + "\",\"mimeType\":"
                    + "\"audio/pcm;rate=16000\"}}}");
            client.send("{\"realtimeInput\":{\"mediaChunks\":[{\"data\":\"" + chunk + "\",\"mimeType\":"
                    + "\"audio/pcm;rate=16000\"}]}}");
            client.send("{\"realtimeInput\":{\"activityEnd\":{}}}");

            assertThat(client.expect("serverContent")).isNotNull();
            ScenarioResult result = emulator.awaitResult(WAIT);
            assertThat(result.steps().get(0).detail()).startsWith("3200 bytes (100 ms of audio) in 2 chunks over ");
        }
    }

    @Test
    void toolResponseArrivingBeforeTheExpectedUserTextIsKeptForLater() throws Exception {
        Scenario s = scenario().toolCall("t1", "start_timer", null).expectText("what time is it")
                .expectToolResponse(ResponseCheck.forId("t1")).build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.expect("toolCall");
            client.send(response("t1", "start_timer", "{\"output\":\"done\"}"));
            client.send(text("what time is it"));

            assertThat(emulator.awaitResult(WAIT).passed()).isTrue();
        }
    }

    @Test
    void unconsumedResponsesAreListedInTheResult() throws Exception {
        Scenario s = scenario().toolCall("c1", "f", null).cancelToolCalls("c1").expectText("next").build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.expect("toolCall");
            client.expect("toolCallCancellation");
            client.send(response("c1", "f", "{\"output\":1}"));
            client.send(text("next"));

            ScenarioResult result = emulator.awaitResult(WAIT);
            assertThat(result.passed()).isTrue();
            assertThat(result.unconsumed()).singleElement().asString().endsWith("(a response to a cancelled call)");
        }
    }

    @Test
    void delayHoldsTheNextEmission() throws Exception {
        Scenario s = scenario().delay(Duration.ofMillis(150)).text("late").build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            long start = System.nanoTime();

            client.expect("serverContent");

            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(140);
        }
    }

    @Test
    void closeSendsTheGivenCodeAndReason() throws Exception {
        Scenario s = scenario().goAway(Duration.ofSeconds(50))
                .close(1011, "Deadline expired before operation could complete.").build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.expect("goAway");

            TestClient.Closed closed = client.awaitClose();
            assertThat(closed.code()).isEqualTo(1011);
            assertThat(closed.reason()).isEqualTo("Deadline expired before operation could complete.");
        }
    }

    @Test
    void dropCutsTheConnectionWithoutACloseFrame() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(scenario().drop().build()).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);

            assertThat(client.awaitClose().code()).isEqualTo(1006);
            assertThat(emulator.awaitResult(WAIT).passed()).isTrue();
        }
    }

    @Test
    void resumptionWithTheIssuedHandleContinuesTheScenario() throws Exception {
        Scenario s = scenario().resumptionUpdate("handle-1").text("before").drop()
                .text("after the resume").expectText("still there?").text("yes").build();
        String resumable = "{\"setup\":{\"model\":\"models/gemini-3.8-live\",\"sessionResumption\":{}}}";
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient first = TestClient.connect(emulator.url());
            first.send(resumable);
            first.expect("setupComplete");
            assertThat(first.expect("sessionResumptionUpdate").at("/sessionResumptionUpdate/newHandle").asText())
                    .isEqualTo("handle-1");
            first.expect("serverContent");
            first.awaitClose();

            TestClient second = TestClient.connect(emulator.url());
            second.send("{\"setup\":{\"model\":\"models/gemini-3.8-live\",\"sessionResumption\":{\"handle\":"
                    + "\"handle-1\"}}}");
            second.expect("setupComplete");
            assertThat(second.expect("serverContent").at("/serverContent/modelTurn/parts/0/text").asText())
                    .isEqualTo("after the resume");
            second.send(text("still there?"));
            second.expect("serverContent");

            ScenarioResult result = emulator.awaitResult(WAIT);
            assertThat(result.passed()).as(result.report()).isTrue();
            assertThat(emulator.sessions()).isEqualTo(1);
        }
    }

    @Test
    void resumptionUpdateIsNotSentWhenTheSetupDidNotAskForIt() throws Exception {
        Scenario s = scenario().resumptionUpdate("h").text("next").build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);

            assertThat(client.expect("serverContent")).isNotNull();
            assertThat(emulator.awaitResult(WAIT).steps().get(0).detail()).contains("did not enable");
        }
    }

    @Test
    void clientClosingMidScenarioFailsTheWaitingStep() throws Exception {
        Scenario s = scenario().expectText("hello").build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.closeBlocking();

            assertThat(emulator.awaitResult(WAIT).failures().get(0).detail())
                    .startsWith("the client closed the connection (1000");
        }
    }

    @Test
    void enqueuedScenariosPlayOnePerSessionInOrder() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().start()) {
            emulator.enqueue(scenario().text("first").build()).enqueue(scenario().text("second").build());
            List<String> heard = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                TestClient client = TestClient.connectAndSetup(emulator);
                heard.add(client.expect("serverContent").at("/serverContent/modelTurn/parts/0/text").asText());
                client.closeBlocking();
            }
            assertThat(heard).containsExactly("first", "second");
        }
    }

    @Test
    void awaitResultWithoutAClientSaysSo() {
        try (LiveEmulator emulator = LiveEmulator.builder().start()) {
            ScenarioResult result = emulator.awaitResult(Duration.ofMillis(50));

            assertThat(result.passed()).isFalse();
            assertThat(result.report()).contains("no client completed a setup within 50 ms");
        }
    }
}
