package dev.livetools.protocol;

import dev.livetools.protocol.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** {@code Content}, {@code Part}, {@code Blob} and {@code FunctionCall}: shared by client and server messages. */
final class Contents {

    private Contents() {
    }

    public static Content content(Fields f) {
        if (f == null) {
            return null;
        }
        String role = f.string("role");
        List<Part> parts = f.objects("parts", Contents::part);
        return new Content(role, parts);
    }

    public static Part part(Fields f) {
        String text = f.string("text");
        Boolean thought = f.bool("thought");
        Fields inline = f.object("inlineData");
        Blob blob = inline == null ? null : blob(inline);
        Fields call = f.object("functionCall");
        FunctionCall functionCall = call == null ? null : functionCall(call);
        Fields code = f.object("executableCode");
        Part.ExecutableCode executableCode = code == null ? null
                : new Part.ExecutableCode(code.string("language"), code.string("code"));
        Fields result = f.object("codeExecutionResult");
        Part.CodeExecutionResult codeResult = result == null ? null
                : new Part.CodeExecutionResult(result.string("outcome"), result.string("output"));
        return new Part(text, thought, blob, functionCall, executableCode, codeResult, f.unread());
    }

    public static Blob blob(Fields f) {
        String data = f.string("data");
        if (data == null) {
            throw new ProtocolException(f.path("data"), "a blob needs base64 data");
        }
        return new Blob(f.string("mimeType"), data);
    }

    public static FunctionCall functionCall(Fields f) {
        String name = f.string("name");
        if (name == null) {
            throw new ProtocolException(f.path("name"), "a function call needs a name");
        }
        return new FunctionCall(f.string("id"), name, f.userObject("args"));
    }

    public static ObjectNode write(Content c) {
        ObjectNode o = Json.object();
        if (c.role() != null) {
            o.put("role", c.role());
        }
        ArrayNode parts = o.putArray("parts");
        for (Part p : c.parts()) {
            parts.add(write(p));
        }
        return o;
    }

    public static ObjectNode write(Part p) {
        ObjectNode o = Json.object();
        if (p.text() != null) {
            o.put("text", p.text());
        }
        if (p.thought() != null) {
            o.put("thought", p.thought());
        }
        if (p.inlineData() != null) {
            o.set("inlineData", write(p.inlineData()));
        }
        if (p.functionCall() != null) {
            o.set("functionCall", write(p.functionCall()));
        }
        if (p.executableCode() != null) {
            ObjectNode code = o.putObject("executableCode");
            putIfSet(code, "language", p.executableCode().language());
            putIfSet(code, "code", p.executableCode().code());
        }
        if (p.codeExecutionResult() != null) {
            ObjectNode result = o.putObject("codeExecutionResult");
            putIfSet(result, "outcome", p.codeExecutionResult().outcome());
            putIfSet(result, "output", p.codeExecutionResult().output());
        }
        putExtra(o, p.extra());
        return o;
    }

    public static ObjectNode write(Blob b) {
        ObjectNode o = Json.object();
        putIfSet(o, "mimeType", b.mimeType());
        o.put("data", b.data());
        return o;
    }

    /** In the service's order: name, args, id (sample rec-mldev-server-toolCall.json). */
    public static ObjectNode write(FunctionCall c) {
        ObjectNode o = Json.object();
        o.put("name", c.name());
        o.set("args", c.args());
        putIfSet(o, "id", c.id());
        return o;
    }

    public static void putIfSet(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    public static void putExtra(ObjectNode o, Map<String, JsonNode> extra) {
        extra.forEach((k, v) -> {
            if (!o.has(k)) {
                o.set(k, v);
            }
        });
    }
}
