package dev.livetools.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Cuts what an error echoes back to the model: a rejected value or a name the model sent can be arbitrarily long
 * (a pasted document, a runaway list), and echoing it whole would cost the session tokens and the frame its size.
 */
final class Echo {

    /** Characters of a value or name echoed in full; longer ones are cut, saying how long they were. */
    static final int MAX_CHARS = 200;

    private Echo() {
    }

    static String text(String s) {
        if (s.length() <= MAX_CHARS) {
            return s;
        }
        int end = MAX_CHARS;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "... (" + s.length() + " characters in all)";
    }

    /** The value itself when short; else the start of its JSON text, as a string. */
    static JsonNode value(JsonNode node) {
        if (node.isTextual()) {
            String t = node.textValue();
            return t.length() <= MAX_CHARS ? node : TextNode.valueOf(text(t));
        }
        if (!node.isContainerNode() && !node.isNumber() && !node.isBinary()) {
            return node;
        }
        String json = node.toString();
        return json.length() <= MAX_CHARS ? node : TextNode.valueOf(text(json));
    }
}
