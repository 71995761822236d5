package dev.livetools.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.genai.AsyncSession;
import com.google.genai.Client;
import com.google.genai.types.ClientOptions;
import com.google.genai.types.Content;
import com.google.genai.types.FunctionCall;
import com.google.genai.types.FunctionDeclaration;
import com.google.genai.types.FunctionResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.LiveConnectConfig;
import com.google.genai.types.LiveSendClientContentParameters;
import com.google.genai.types.LiveSendToolResponseParameters;
import com.google.genai.types.LiveServerMessage;
import com.google.genai.types.Modality;
import com.google.genai.types.Part;
import com.google.genai.types.Schema;
import com.google.genai.types.Tool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The official Java SDK ({@code com.google.genai:google-genai}) talks to the emulator: it builds
 * {@code wss://<base>//ws/...} itself (TLS only), so the emulator runs in TLS mode and the SDK's OkHttp client trusts
 * the emulator's self-signed certificate. The SDK completes setup, receives a toolCall and answers it; the scenario
 * checks the answer.
 */
@Timeout(60)
class JavaSdkCompatibilityTest {

    @Test
    void officialJavaSdkCompletesSetupReceivesAToolCallAndAnswersIt() throws Exception {
        Scenario scenario = Scenario.builder("java sdk").expectTimeout(Duration.ofSeconds(10))
                .expectText("Make the living room 21 degrees")
                .toolCall("function-call-1", "setThermostat", Map.of("temperature", 21))
                .expectToolResponse(ResponseCheck.forId("function-call-1").withName("setThermostat")
                        .withOutput(Map.of("target", 21)))
                .text("Done.").turnComplete()
                .build();
        try (LiveEmulator emulator = LiveEmulator.builder().tls(true).apiKey("sdk-test-key").scenario(scenario)
                .start()) {
            assertThat(emulator.baseUrl().toString()).startsWith("https://127.0.0.1:");
            try (Client client = Client.builder().apiKey("sdk-test-key")
                    .httpOptions(HttpOptions.builder().baseUrl(emulator.baseUrl().toString()).apiVersion("v1beta")
                            .build())
                    .clientOptions(ClientOptions.builder().customHttpClient(trusting(emulator)).build())
                    .build()) {
                AsyncSession session = client.async.live.connect("gemini-3.8-live", LiveConnectConfig.builder()
                        .responseModalities(Modality.Known.AUDIO)
                        .tools(Tool.builder().functionDeclarations(FunctionDeclaration.builder()
                                .name("setThermostat").description("Sets the thermostat")
                                .parameters(Schema.builder().type("OBJECT")
                                        .properties(Map.of("temperature", Schema.builder().type("INTEGER").build()))
                                        .required("temperature").build())))
                        .build()).get(20, TimeUnit.SECONDS);
                BlockingQueue<LiveServerMessage> received = new LinkedBlockingQueue<>();
                session.receive(received::add);

                session.sendClientContent(LiveSendClientContentParameters.builder()
                        .turns(Content.builder().role("user").parts(Part.fromText("Make the living room 21 degrees")))
                        .turnComplete(true).build()).get(10, TimeUnit.SECONDS);
                FunctionCall call = nextToolCall(received);
                assertThat(call.name()).hasValue("setThermostat");
                assertThat(call.args().orElseThrow()).containsEntry("temperature", 21);
                session.sendToolResponse(LiveSendToolResponseParameters.builder().functionResponses(
                        FunctionResponse.builder().id(call.id().orElseThrow()).name(call.name().orElseThrow())
                                .response(Map.of("output", Map.of("target", 21))).build()).build())
                        .get(10, TimeUnit.SECONDS);

                ScenarioResult result = emulator.awaitResult(Duration.ofSeconds(20));
                assertThat(result.passed()).as(result.report()).isTrue();
                session.close().get(10, TimeUnit.SECONDS);
            }
            assertThat(emulator.frames(1).get(0).json().at("/setup/model").asText())
                    .isEqualTo("models/gemini-3.8-live");
        }
    }

    private static FunctionCall nextToolCall(BlockingQueue<LiveServerMessage> received) throws InterruptedException {
        while (true) {
            LiveServerMessage message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("a toolCall from the emulator").isNotNull();
            if (message.toolCall().isPresent()) {
                List<FunctionCall> calls = message.toolCall().get().functionCalls().orElseThrow();
                assertThat(calls).hasSize(1);
                return calls.get(0);
            }
        }
    }

    private static OkHttpClient trusting(LiveEmulator emulator) throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(emulator.trustStore());
        X509TrustManager trust = (X509TrustManager) factory.getTrustManagers()[0];
        return new OkHttpClient.Builder()
                .sslSocketFactory(emulator.clientSslContext().getSocketFactory(), trust)
                .build();
    }
}
