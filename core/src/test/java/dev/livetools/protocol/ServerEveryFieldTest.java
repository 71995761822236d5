package dev.livetools.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Server frames with every field we model (and an unknown one where unknown fields are kept), written by hand from
 * live-protocol.md: what the client reads from them, and what the emulator writes back, loses nothing. A field the
 * decoder skips or the encoder drops fails the round trip.
 */
class ServerEveryFieldTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final LiveCodec codec = new LiveCodec();

    private static JsonNode golden(String name) throws Exception {
        try (InputStream in = ServerEveryFieldTest.class.getResourceAsStream("/golden/protocol/" + name)) {
            return MAPPER.readTree(in);
        }
    }

    @Test
    void setupCompleteWithSessionIdConsentSignatureAndResumptionRoundTrips() throws Exception {
        JsonNode frame = golden("server-setup-complete-every-field.json");
        ServerMessage m = codec.decodeServer(frame.toString());

        assertThat(m.setupComplete().sessionId()).isEqualTo("s-42");
        assertThat(m.setupComplete().voiceConsentSignature()).isEqualTo("sig");
        assertThat(MAPPER.readTree(codec.encodeServer(m))).isEqualTo(frame);
    }

    @Test
    void serverContentWithEveryFlagTranscriptionAndUsageRoundTrips() throws Exception {
        JsonNode frame = golden("server-content-every-field.json");
        ServerMessage m = codec.decodeServer(frame.toString());

        assertThat(m.serverContent().inputTranscription().languageCode()).isEqualTo("en-GB");
        assertThat(m.serverContent().waitingForInput()).isTrue();
        assertThat(m.usageMetadata().totalTokenCount()).isEqualTo(24);
        assertThat(MAPPER.readTree(codec.encodeServer(m))).isEqualTo(frame);
    }
}
