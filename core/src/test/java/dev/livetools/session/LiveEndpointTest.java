package dev.livetools.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class LiveEndpointTest {

    private static final String KEY = "AIza-secret-key";

    @Test
    void geminiApiDefaultsToV1betaWithTheKeyInTheHeader() {
        LiveEndpoint e = LiveEndpoint.geminiApi(KEY);
        assertThat(e.connectUri().toString()).isEqualTo("wss://generativelanguage.googleapis.com/ws/"
                + "google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent");
        assertThat(e.handshakeHeaders()).containsExactly(java.util.Map.entry("x-goog-api-key", KEY));
        assertThat(e.toString()).doesNotContain(KEY);
        assertThat(e.modelName("gemini-3.8-live")).isEqualTo("models/gemini-3.8-live");
        assertThat(e.modelName("models/x")).isEqualTo("models/x");
    }

    @Test
    void geminiApiV1alpha() {
        assertThat(LiveEndpoint.geminiApi(KEY, "v1alpha").connectUri().toString())
                .contains("google.ai.generativelanguage.v1alpha.GenerativeService.BidiGenerateContent");
        assertThatThrownBy(() -> LiveEndpoint.geminiApi(KEY, "v2")).hasMessageContaining("v1alpha, v1beta or v1");
    }

    @Test
    void ephemeralTokensUseTheConstrainedMethodAndAccessTokenButAreNeverPrinted() {
        LiveEndpoint e = LiveEndpoint.ephemeralToken("auth_tokens/abc123");
        assertThat(e.connectUri().toString()).isEqualTo("wss://generativelanguage.googleapis.com/ws/google.ai."
                + "generativelanguage.v1alpha.GenerativeService.BidiGenerateContentConstrained"
                + "?access_token=auth_tokens%2Fabc123");
        assertThat(e.displayUri()).endsWith("?access_token=***");
        assertThat(e.toString()).doesNotContain("abc123");
        assertThat(e.handshakeHeaders()).isEmpty();
        assertThatThrownBy(() -> LiveEndpoint.ephemeralToken("abc")).hasMessageContaining("auth_tokens/");
    }

    @Test
    void vertexAiUsesLlmBidiServiceABearerTokenFetchedPerConnectAndFullModelNames() {
        int[] fetched = {0};
        LiveEndpoint e = LiveEndpoint.vertexAi("my-project", "us-central1", () -> "token-" + (++fetched[0]));
        assertThat(e.connectUri().toString()).isEqualTo("wss://us-central1-aiplatform.googleapis.com/ws/"
                + "google.cloud.aiplatform.v1beta1.LlmBidiService/BidiGenerateContent");
        assertThat(e.handshakeHeaders()).containsEntry("Authorization", "Bearer token-1");
        assertThat(e.handshakeHeaders()).containsEntry("Authorization", "Bearer token-2");
        assertThat(e.modelName("gemini-live-2.5-flash-native-audio")).isEqualTo(
                "projects/my-project/locations/us-central1/publishers/google/models/gemini-live-2.5-flash-native-audio");
        assertThat(e.toString()).doesNotContain("token-");
        assertThat(LiveEndpoint.vertexAi("p", "global", () -> "t").connectUri().getHost())
                .isEqualTo("aiplatform.googleapis.com");
    }

    @Test
    void anyWsUrlWithAnOptionalKey() {
        LiveEndpoint plain = LiveEndpoint.url("ws://127.0.0.1:9000/ws");
        assertThat(plain.handshakeHeaders()).isEmpty();
        assertThat(plain.modelName("m")).isEqualTo("models/m");
        assertThat(LiveEndpoint.url("wss://proxy.example/live", KEY).handshakeHeaders())
                .containsEntry("x-goog-api-key", KEY);
        assertThatThrownBy(() -> LiveEndpoint.url("http://example.com")).hasMessageContaining("ws:// or wss://");
    }

    @Test
    void aKeyPastedIntoACustomUrlIsRedactedWhenPrinted() {
        LiveEndpoint e = LiveEndpoint.url("wss://example.com/ws?key=" + KEY + "&alt=json");
        assertThat(e.displayUri()).isEqualTo("wss://example.com/ws?key=***&alt=json");
        assertThat(e.toString()).doesNotContain(KEY);
    }

    @Test
    void onlyGoogleHostsNeedAKey() {
        assertThat(LiveEndpoint.needsApiKey("wss://generativelanguage.googleapis.com/ws/x")).isTrue();
        assertThat(LiveEndpoint.needsApiKey("ws://127.0.0.1:8080/ws")).isFalse();
    }

    @Test
    void aUrlWithoutASchemeIsExplainedWithTheFix() {
        assertThatThrownBy(() -> LiveEndpoint.url("127.0.0.1:8765/ws"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no scheme").hasMessageContaining("ws://127.0.0.1:8765/ws");
    }

    @Test
    void anHttpUrlIsToldToUseTheWebSocketScheme() {
        assertThatThrownBy(() -> LiveEndpoint.url("https://example.com/ws"))
                .hasMessageContaining("use wss://");
    }

    @Test
    void aMalformedUrlErrorDoesNotQuoteTheKey() {
        assertThatThrownBy(() -> LiveEndpoint.url("ws://example.com/ws path?key=" + KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed").hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> LiveEndpoint.url("ws://example.com/ws path", KEY))
                .hasMessageNotContaining(KEY);
    }

    @Test
    void aKeyInThePathFragmentOrApiKeyParameterIsRedactedWhenPrinted() {
        String googleShaped = "AIzaSyA-0123456789abcdefghijklmnopqrstu";
        assertThat(LiveEndpoint.url("wss://example.com/ws/" + googleShaped).displayUri()).doesNotContain(googleShaped);
        assertThat(LiveEndpoint.url("wss://example.com/ws#key=" + KEY).displayUri()).doesNotContain(KEY);
        assertThat(LiveEndpoint.url("wss://example.com/ws?apiKey=" + KEY).displayUri()).doesNotContain(KEY);
        assertThat(LiveEndpoint.url("wss://example.com/ws?api_key=" + KEY).toString()).doesNotContain(KEY);
    }

    @Test
    void scrubHidesTheConfiguredKeyWhereverItAppears() {
        LiveEndpoint e = LiveEndpoint.url("ws://127.0.0.1:9000/ws", KEY);
        assertThat(e.scrub("server says: bad key " + KEY + " (" + java.net.URLEncoder.encode(KEY,
                java.nio.charset.StandardCharsets.UTF_8) + ")")).doesNotContain(KEY).contains("***");
    }

    @Test
    void aMissingOrBlankKeyIsRefusedWhenTheEndpointIsMadeNotAtConnect() {
        assertThatThrownBy(() -> LiveEndpoint.geminiApi(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("apiKey is required and must not be blank");
        assertThatThrownBy(() -> LiveEndpoint.geminiApi("  ", "v1alpha")).hasMessageContaining("apiKey is required");
        assertThatThrownBy(() -> LiveEndpoint.url("wss://proxy.example/live", " "))
                .hasMessageContaining("apiKey is required");
        assertThatThrownBy(() -> LiveEndpoint.ephemeralToken("")).hasMessage("token is required and must not be blank");
    }

    @Test
    void aVertexTokenSupplierReturningNothingFailsTheHandshakeNamingTheSupplier() {
        LiveEndpoint blank = LiveEndpoint.vertexAi("p", "us-central1", () -> " ");
        LiveEndpoint none = LiveEndpoint.vertexAi("p", "us-central1", () -> null);
        assertThatThrownBy(blank::handshakeHeaders).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bearer-token supplier returned no token");
        assertThatThrownBy(none::handshakeHeaders).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void scrubHidesTheLatestFourVertexTokens() {
        int[] fetched = {0};
        LiveEndpoint e = LiveEndpoint.vertexAi("p", "us-central1", () -> "ya29.token-" + (++fetched[0]) + "-end");
        for (int i = 0; i < 5; i++) {
            e.handshakeHeaders();
        }
        String echoed = "server says: ya29.token-2-end ya29.token-3-end ya29.token-4-end ya29.token-5-end";
        assertThat(e.scrub(echoed)).isEqualTo("server says: *** *** *** ***");
    }

    @Test
    void scrubLeavesNothingToScrubAsItIs() {
        LiveEndpoint e = LiveEndpoint.url("ws://127.0.0.1:9000/ws", KEY);
        assertThat(e.scrub(null)).isNull();
        assertThat(e.scrub("")).isEmpty();
        assertThat(e.scrub("close code 1000")).isEqualTo("close code 1000");
    }

    @Test
    void toStringNamesTheKindAndTheSafeUrl() {
        assertThat(LiveEndpoint.geminiApi(KEY).toString()).isEqualTo("LiveEndpoint[gemini-api wss://"
                + "generativelanguage.googleapis.com/ws/google.ai.generativelanguage.v1beta.GenerativeService"
                + ".BidiGenerateContent]");
        assertThat(LiveEndpoint.url("ws://127.0.0.1:9000/ws").toString())
                .isEqualTo("LiveEndpoint[custom ws://127.0.0.1:9000/ws]");
    }

    @Test
    void aUrlWithoutAHostNeedsNoKeyAndIsRefusedAsAnEndpoint() {
        assertThat(LiveEndpoint.needsApiKey("ws:relative")).isFalse();
        assertThat(LiveEndpoint.needsApiKey("wss://us-central1-aiplatform.googleapis.com/ws/x")).isTrue();
        assertThatThrownBy(() -> LiveEndpoint.url("ws:///ws")).hasMessageContaining("needs a host");
    }
}
