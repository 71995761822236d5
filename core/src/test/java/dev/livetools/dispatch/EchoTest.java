package dev.livetools.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What an error echoes of a value or name: up to {@value Echo#MAX_CHARS} characters as they are, longer ones cut. */
@Timeout(10)
class EchoTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void textOfExactlyTheLimitIsEchoedWhole() {
        String text = "a".repeat(Echo.MAX_CHARS);
        assertThat(Echo.text(text)).isEqualTo(text);
    }

    @Test
    void textOneOverTheLimitIsCutSayingHowLongItWas() {
        String text = "b".repeat(Echo.MAX_CHARS + 1);
        assertThat(Echo.text(text)).isEqualTo("b".repeat(Echo.MAX_CHARS) + "... (201 characters in all)");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        // The 200th char is the first half of an emoji: the cut goes before the emoji, not through it.
        String text = "c".repeat(Echo.MAX_CHARS - 1) + "\uD83D\uDE00" + "d".repeat(10);
        assertThat(Echo.text(text)).isEqualTo("c".repeat(Echo.MAX_CHARS - 1) + "... (211 characters in all)");
    }

    @Test
    void aListWhoseJsonIsExactlyTheLimitIsEchoedAsTheListItself() {
        // ["xxx...x"]: 200 characters of JSON.
        JsonNode list = NODES.arrayNode().add("x".repeat(Echo.MAX_CHARS - 4));
        assertThat(list.toString()).hasSize(Echo.MAX_CHARS);
        assertThat(Echo.value(list)).isSameAs(list);
    }

    @Test
    void aHugeNumberIsCutLikeText() {
        JsonNode number = NODES.numberNode(BigInteger.TEN.pow(400));
        assertThat(Echo.value(number)).isEqualTo(TextNode.valueOf("1" + "0".repeat(Echo.MAX_CHARS - 1)
                + "... (401 characters in all)"));
    }

    @Test
    void longBinaryIsCutLikeText() {
        JsonNode binary = NODES.binaryNode(new byte[300]);
        assertThat(Echo.value(binary).textValue()).endsWith("... (" + binary.toString().length()
                + " characters in all)");
    }

    @Test
    void booleansAndNullAreEchoedAsTheyAre() {
        assertThat(Echo.value(BooleanNode.TRUE)).isSameAs(BooleanNode.TRUE);
        assertThat(Echo.value(NullNode.getInstance())).isSameAs(NullNode.getInstance());
    }
}
