package dev.livetools.protocol;

import dev.livetools.protocol.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

import static dev.livetools.protocol.Contents.putExtra;
import static dev.livetools.protocol.Contents.putIfSet;

/** Reads and writes server messages; every top-level key is handled, unknown ones kept. */
final class ServerFrames {

    private ServerFrames() {
    }

    // ---------------------------------------------------------------- decode

    public static ServerMessage decode(JsonNode frame) {
        Fields top = Fields.of(frame, "$");
        Fields sc = top.object("setupComplete");
        Fields content = top.object("serverContent");
        Fields call = top.object("toolCall");
        Fields cancel = top.object("toolCallCancellation");
        Fields goAway = top.object("goAway");
        Fields resumption = top.object("sessionResumptionUpdate");
        Fields vad = top.object("voiceActivityDetectionSignal");
        Fields activity = top.object("voiceActivity");
        Fields usage = top.object("usageMetadata");
        return new ServerMessage(
                sc == null ? null : new SetupComplete(sc.string("sessionId"), consent(sc), sc.unread()),
                content == null ? null : serverContent(content),
                call == null ? null : toolCall(call),
                cancel == null ? null : new ToolCallCancellation(cancel.strings("ids")),
                goAway == null ? null : new GoAway(goAway.duration("timeLeft")),
                resumption == null ? null : new SessionResumptionUpdate(resumption.string("newHandle"),
                        resumption.flag("resumable"), resumption.int64("lastConsumedClientMessageIndex")),
                vad == null ? null : new VoiceActivityDetectionSignal(vad.string("vadSignalType")),
                activity == null ? null : voiceActivity(activity),
                usage == null ? null : usage(usage),
                top.unread());
    }

    /**
     * Each call on its own: a malformed entry is set aside with what could be read of its id and name, and its
     * siblings still run. Only a {@code functionCalls} that is not an array spoils the whole frame.
     */
    private static ToolCall toolCall(Fields call) {
        List<FunctionCall> calls = new ArrayList<>();
        List<ToolCall.Malformed> malformed = new ArrayList<>(0);
        List<JsonNode> entries = call.list("functionCalls", (node, path) -> node);
        if (entries == null) {
            return new ToolCall(calls);
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String path = call.path("functionCalls") + "[" + i + "]";
            try {
                calls.add(Contents.functionCall(Fields.of(entry, path)));
            } catch (ProtocolException e) {
                malformed.add(new ToolCall.Malformed(i, readableId(entry), readableName(entry), e.getMessage()));
            }
        }
        return new ToolCall(calls, malformed);
    }

    /** The id of an entry that failed to decode, when it can still be echoed: a string, or an integral number. */
    private static String readableId(JsonNode entry) {
        JsonNode id = entry.isObject() ? entry.get("id") : null;
        if (id == null) {
            return null;
        }
        if (id.isTextual()) {
            return id.textValue();
        }
        return id.isIntegralNumber() ? id.asText() : null;
    }

    private static String readableName(JsonNode entry) {
        JsonNode name = entry.isObject() ? entry.get("name") : null;
        return name != null && name.isTextual() ? name.textValue() : null;
    }

    private static String consent(Fields f) {
        Fields c = f.object("voiceConsentSignature");
        return c == null ? null : c.string("signature");
    }

    private static ServerContent serverContent(Fields f) {
        return new ServerContent(Contents.content(f.object("modelTurn")), f.flag("turnComplete"),
                f.flag("interrupted"), f.flag("generationComplete"), transcription(f.object("inputTranscription")),
                transcription(f.object("outputTranscription")),
                transcription(f.object("interimInputTranscription")), f.string("turnCompleteReason"),
                f.flag("waitingForInput"), f.unread());
    }

    private static Transcription transcription(Fields f) {
        return f == null ? null
                : new Transcription(f.string("text"), f.bool("finished"), f.string("languageCode"), f.unread());
    }

    private static VoiceActivity voiceActivity(Fields f) {
        String type = f.string("voiceActivityType");
        if (type == null) {
            type = f.string("type");
        }
        return new VoiceActivity(type, f.duration("audioOffset"));
    }

    private static UsageMetadata usage(Fields f) {
        Long response = f.int64("responseTokenCount");
        Long candidates = f.int64("candidatesTokenCount");
        List<UsageMetadata.ModalityTokenCount> responseDetails = f.objects("responseTokensDetails",
                ServerFrames::modalityCount);
        List<UsageMetadata.ModalityTokenCount> candidateDetails = f.objects("candidatesTokensDetails",
                ServerFrames::modalityCount);
        return new UsageMetadata(zero(f.int64("promptTokenCount")), zero(f.int64("cachedContentTokenCount")),
                zero(response != null ? response : candidates), zero(f.int64("toolUsePromptTokenCount")),
                zero(f.int64("thoughtsTokenCount")), zero(f.int64("totalTokenCount")),
                f.objects("promptTokensDetails", ServerFrames::modalityCount),
                responseDetails != null ? responseDetails : candidateDetails, f.unread());
    }

    private static UsageMetadata.ModalityTokenCount modalityCount(Fields f) {
        return new UsageMetadata.ModalityTokenCount(f.string("modality"), zero(f.int64("tokenCount")));
    }

    private static long zero(Long v) {
        return v == null ? 0 : v;
    }

    // ---------------------------------------------------------------- encode

    public static ObjectNode encode(ServerMessage m) {
        ObjectNode o = Json.object();
        if (m.setupComplete() != null) {
            ObjectNode sc = o.putObject("setupComplete");
            putIfSet(sc, "sessionId", m.setupComplete().sessionId());
            if (m.setupComplete().voiceConsentSignature() != null) {
                sc.putObject("voiceConsentSignature").put("signature", m.setupComplete().voiceConsentSignature());
            }
            putExtra(sc, m.setupComplete().extra());
        }
        if (m.serverContent() != null) {
            o.set("serverContent", write(m.serverContent()));
        }
        if (m.toolCall() != null) {
            ArrayNode calls = o.putObject("toolCall").putArray("functionCalls");
            for (FunctionCall c : m.toolCall().functionCalls()) {
                calls.add(Contents.write(c));
            }
        }
        if (m.toolCallCancellation() != null) {
            ArrayNode ids = o.putObject("toolCallCancellation").putArray("ids");
            m.toolCallCancellation().ids().forEach(ids::add);
        }
        if (m.goAway() != null) {
            ObjectNode g = o.putObject("goAway");
            if (m.goAway().timeLeft() != null) {
                g.put("timeLeft", ProtoDurations.format(m.goAway().timeLeft()));
            }
        }
        if (m.sessionResumptionUpdate() != null) {
            SessionResumptionUpdate u = m.sessionResumptionUpdate();
            ObjectNode r = o.putObject("sessionResumptionUpdate");
            putIfSet(r, "newHandle", u.newHandle());
            r.put("resumable", u.resumable());
            if (u.lastConsumedClientMessageIndex() != null) {
                // proto3 JSON writes int64 as a string
                r.put("lastConsumedClientMessageIndex", u.lastConsumedClientMessageIndex().toString());
            }
        }
        if (m.voiceActivityDetectionSignal() != null) {
            putIfSet(o.putObject("voiceActivityDetectionSignal"), "vadSignalType",
                    m.voiceActivityDetectionSignal().vadSignalType());
        }
        if (m.voiceActivity() != null) {
            ObjectNode a = o.putObject("voiceActivity");
            putIfSet(a, "type", m.voiceActivity().type());
            if (m.voiceActivity().audioOffset() != null) {
                a.put("audioOffset", ProtoDurations.format(m.voiceActivity().audioOffset()));
            }
        }
        if (m.usageMetadata() != null) {
            o.set("usageMetadata", write(m.usageMetadata()));
        }
        putExtra(o, m.unknown());
        return o;
    }

    private static ObjectNode write(ServerContent c) {
        ObjectNode o = Json.object();
        if (c.modelTurn() != null) {
            o.set("modelTurn", Contents.write(c.modelTurn()));
        }
        if (c.turnComplete()) {
            o.put("turnComplete", true);
        }
        if (c.interrupted()) {
            o.put("interrupted", true);
        }
        if (c.generationComplete()) {
            o.put("generationComplete", true);
        }
        putTranscription(o, "inputTranscription", c.inputTranscription());
        putTranscription(o, "outputTranscription", c.outputTranscription());
        putTranscription(o, "interimInputTranscription", c.interimInputTranscription());
        putIfSet(o, "turnCompleteReason", c.turnCompleteReason());
        if (c.waitingForInput()) {
            o.put("waitingForInput", true);
        }
        putExtra(o, c.extra());
        return o;
    }

    private static void putTranscription(ObjectNode o, String key, Transcription t) {
        if (t == null) {
            return;
        }
        ObjectNode n = o.putObject(key);
        putIfSet(n, "text", t.text());
        if (t.finished() != null) {
            n.put("finished", t.finished());
        }
        putIfSet(n, "languageCode", t.languageCode());
        putExtra(n, t.extra());
    }

    private static ObjectNode write(UsageMetadata u) {
        ObjectNode o = Json.object();
        putCount(o, "promptTokenCount", u.promptTokenCount());
        putCount(o, "cachedContentTokenCount", u.cachedContentTokenCount());
        putCount(o, "responseTokenCount", u.responseTokenCount());
        putCount(o, "toolUsePromptTokenCount", u.toolUsePromptTokenCount());
        putCount(o, "thoughtsTokenCount", u.thoughtsTokenCount());
        putCount(o, "totalTokenCount", u.totalTokenCount());
        putDetails(o, "promptTokensDetails", u.promptTokensDetails());
        putDetails(o, "responseTokensDetails", u.responseTokensDetails());
        putExtra(o, u.extra());
        return o;
    }

    private static void putCount(ObjectNode o, String key, long v) {
        if (v != 0) {
            o.put(key, v);
        }
    }

    private static void putDetails(ObjectNode o, String key, List<UsageMetadata.ModalityTokenCount> details) {
        if (details.isEmpty()) {
            return;
        }
        ArrayNode a = o.putArray(key);
        details.forEach(d -> a.addObject().put("modality", d.modality()).put("tokenCount", d.tokenCount()));
    }
}
