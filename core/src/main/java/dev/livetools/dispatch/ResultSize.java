package dev.livetools.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Map;

/**
 * Whether a result fits the dispatcher's limit, as UTF-8 JSON bytes. The service refuses an oversized frame and ends
 * the session with every call of it (issue 12), so the limit turns that into one failed call. Cheap for the common
 * small result: a walk counting characters decides without writing anything; only a result near the limit is
 * written out (to a counter) to get its exact size.
 */
final class ResultSize {

    private static final ObjectMapper WRITER = new ObjectMapper();
    /** Most bytes one UTF-16 char can take in JSON: a control character written as an escape. */
    private static final int MOST_BYTES_PER_CHAR = 6;

    private ResultSize() {
    }

    /**
     * The exact size of {@code value} in bytes when it is over {@code limit}, else {@code -1}.
     *
     * @param limit a positive number of bytes
     */
    static long over(JsonNode value, long limit) {
        long chars = chars(value, limit + 1);
        if (chars > limit) {
            return exact(value);
        }
        if (chars * MOST_BYTES_PER_CHAR <= limit) {
            return -1;
        }
        long bytes = exact(value);
        return bytes > limit ? bytes : -1;
    }

    /**
     * A lower bound of the JSON length in bytes (each char one byte at least), counting stopped once it passes
     * {@code stop}; at most six times under the true size, the longest escape of one char.
     */
    private static long chars(JsonNode node, long stop) {
        if (node.isTextual()) {
            return node.textValue().length() + 2L;
        }
        // n entries have n - 1 commas: counting one per entry made the bound one too high, and a result of exactly
        // the limit was refused.
        if (node.isObject()) {
            long n = 2;
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            for (boolean first = true; fields.hasNext() && n <= stop; first = false) {
                Map.Entry<String, JsonNode> f = fields.next();
                n += (first ? 0 : 1) + f.getKey().length() + 3 + chars(f.getValue(), stop - n);
            }
            return n;
        }
        if (node.isArray()) {
            long n = 2;
            for (int i = 0; i < node.size() && n <= stop; i++) {
                n += (i == 0 ? 0 : 1) + chars(node.get(i), stop - n);
            }
            return n;
        }
        if (node.isBinary()) {
            try {
                return node.binaryValue().length * 4L / 3 + 2;
            } catch (IOException e) {
                return 2;
            }
        }
        return node.isNumber() ? node.asText().length() : 4;
    }

    private static long exact(JsonNode value) {
        Counter counter = new Counter();
        try {
            WRITER.writeValue(counter, value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot measure a result", e);
        }
        return counter.count;
    }

    private static final class Counter extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
