package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.json;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.protocol.FunctionDeclaration;
import dev.livetools.tool.HostedTool;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ResultSize#over} decides most results from a cheap character count; whatever the shortcut, its answer must
 * be the one the written JSON gives: the exact UTF-8 size when it is over the limit, else -1. Checked on generated
 * results of every JSON shape (escapes, multi-byte and surrogate-pair text, numbers, binary, nesting), at limits
 * just around their size and at the shortcut's own thresholds. (It found that a result of exactly the limit was
 * refused: the count took a comma per entry.)
 */
@Timeout(30)
class ResultSizeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] PIECES = {"a", "Z", "7", " ", "\"", "\\", "/", "\n", "\t", "\u0001", "\u001f",
            "é", "ß", "€", "中", "\uD83D\uDE00", "\u2028", "<", "&"};

    @Test
    void overAgreesWithTheWrittenJsonForEveryShapeAndLimitAroundItsSize() throws Exception {
        Random random = new Random(20261203);
        int checked = 0;
        for (int i = 0; i < 600; i++) {
            JsonNode value = value(random, 0);
            long exact = MAPPER.writeValueAsBytes(value).length;
            for (long limit : limitsAround(exact)) {
                long expected = exact > limit ? exact : -1;
                assertThat(ResultSize.over(value, limit)).as("%s with limit %d", value, limit).isEqualTo(expected);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5_000);
    }

    @Test
    void overAgreesWithTheWrittenJsonForResultsOfManyTinyEntries() throws Exception {
        // Where the structure is most of the bytes: one-character keys, one-digit values, empty containers.
        ObjectNode digits = NODES.objectNode();
        ArrayNode empties = NODES.arrayNode();
        for (int i = 0; i < 10; i++) {
            digits.put(String.valueOf(i), i);
            empties.add(i % 2 == 0 ? NODES.arrayNode() : NODES.objectNode());
        }
        ObjectNode nested = NODES.objectNode();
        nested.set("a", digits);
        nested.set("b", empties);
        for (JsonNode value : List.of(digits, empties, nested)) {
            long exact = MAPPER.writeValueAsBytes(value).length;
            for (long limit : limitsAround(exact)) {
                assertThat(ResultSize.over(value, limit)).as("%s with limit %d", value, limit)
                        .isEqualTo(exact > limit ? exact : -1);
            }
        }
    }

    @Test
    void aResultOfExactlyTheLimitIsSent() throws Exception {
        HostedTool list = HostedTool.of(new FunctionDeclaration("list", null, null, null),
                (args, context) -> List.of("ab", 12, 34));
        RecordingSink sink = new RecordingSink();
        // ["ab",12,34] is 12 bytes.
        try (ToolDispatcher dispatcher = ToolDispatcher.builder(ToolCatalog.builder().addTools(list).build())
                .maxResultBytes(12).build()) {
            dispatcher.dispatch(toolCall(call("c1", "list", "{}")), sink).get(5, TimeUnit.SECONDS);
        }

        assertThat(sink.awaitOne("c1").response()).isEqualTo(json("{'output':['ab',12,34]}"));
    }

    private static Set<Long> limitsAround(long exact) {
        Set<Long> limits = new LinkedHashSet<>();
        for (long l : new long[] {1, 2, exact - 2, exact - 1, exact, exact + 1, exact + 2, exact / 6, exact / 6 + 1,
                exact / 2, exact * 2, exact * 6, exact * 6 + 1}) {
            if (l >= 1) {
                limits.add(l);
            }
        }
        return limits;
    }

    private static JsonNode value(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 7 : 9);
        switch (kind) {
            case 0:
                return NODES.textNode(text(random));
            case 1:
                return NODES.numberNode(random.nextInt());
            case 2:
                return NODES.numberNode(random.nextLong());
            case 3:
                return NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 4:
                return random.nextBoolean() ? NODES.numberNode(new BigInteger(200, random))
                        : NODES.numberNode(new BigDecimal(new BigInteger(90, random), random.nextInt(30)));
            case 5:
                return random.nextInt(3) == 0 ? NODES.nullNode() : NODES.booleanNode(random.nextBoolean());
            case 6: {
                byte[] bytes = new byte[random.nextInt(40)];
                random.nextBytes(bytes);
                return NODES.binaryNode(bytes);
            }
            case 7: {
                ObjectNode object = NODES.objectNode();
                int fields = random.nextInt(6);
                for (int f = 0; f < fields; f++) {
                    object.set(text(random) + f, value(random, depth + 1));
                }
                return object;
            }
            default: {
                ArrayNode array = NODES.arrayNode();
                int items = random.nextInt(6);
                for (int n = 0; n < items; n++) {
                    array.add(value(random, depth + 1));
                }
                return array;
            }
        }
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(4) == 0 ? random.nextInt(200) : random.nextInt(12);
        List<String> pieces = new ArrayList<>(List.of(PIECES));
        for (int c = 0; c < length; c++) {
            text.append(pieces.get(random.nextInt(pieces.size())));
        }
        return text.toString();
    }
}
