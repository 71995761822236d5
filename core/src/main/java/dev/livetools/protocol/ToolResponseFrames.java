package dev.livetools.protocol;

import dev.livetools.protocol.internal.Json;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;

import java.io.IOException;

/**
 * Writes a {@code toolResponse} frame by streaming, the message a tool host sends most: the same compact text as
 * writing {@link ClientFrames#encode}'s tree, without building the tree of the envelope around each answer.
 */
final class ToolResponseFrames {

    private ToolResponseFrames() {
    }

    public static String compact(ToolResponse message) {
        return Json.compactValue(new Streamed(message));
    }

    private record Streamed(ToolResponse message) implements JsonSerializable {

        @Override
        public void serialize(JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeFieldName("toolResponse");
            gen.writeStartObject();
            gen.writeFieldName("functionResponses");
            gen.writeStartArray();
            for (FunctionResponse r : message.functionResponses()) {
                // Same keys, order and omissions as ClientFrames.write(ToolResponse).
                gen.writeStartObject();
                if (r.id() != null) {
                    gen.writeStringField("id", r.id());
                }
                gen.writeStringField("name", r.name());
                gen.writeFieldName("response");
                r.response().serialize(gen, provider);
                if (r.scheduling() != null) {
                    gen.writeStringField("scheduling", r.scheduling().name());
                }
                if (r.willContinue() != null) {
                    gen.writeBooleanField("willContinue", r.willContinue());
                }
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
            gen.writeEndObject();
        }

        @Override
        public void serializeWithType(JsonGenerator gen, SerializerProvider provider, TypeSerializer typeSer)
                throws IOException {
            serialize(gen, provider);
        }
    }
}
