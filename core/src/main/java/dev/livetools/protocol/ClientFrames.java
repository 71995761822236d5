package dev.livetools.protocol;

import dev.livetools.protocol.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.sdk.Scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.livetools.protocol.Contents.putExtra;
import static dev.livetools.protocol.Contents.putIfSet;

/** Reads and writes client messages ({@code setup}, {@code clientContent}, {@code realtimeInput}, {@code toolResponse}). */
final class ClientFrames {

    private static final Set<String> KINDS = Set.of("setup", "clientContent", "realtimeInput", "toolResponse");

    private ClientFrames() {
    }

    // ---------------------------------------------------------------- decode

    public static ClientMessage decode(JsonNode frame) {
        Fields top = Fields.of(frame, "$");
        List<String> known = new ArrayList<>();
        for (String k : top.keys()) {
            if (KINDS.contains(k)) {
                known.add(k);
            }
        }
        if (known.size() > 1) {
            throw new ProtocolException("$", "a client message holds exactly one of " + KINDS + ", found " + known);
        }
        if (known.isEmpty()) {
            if (top.keys().isEmpty()) {
                throw new ProtocolException("$", "empty client message");
            }
            String kind = top.keys().iterator().next();
            return new UnknownClientMessage(kind, top.raw(kind) == null ? Json.NODES.nullNode() : top.raw(kind));
        }
        String kind = known.get(0);
        Fields body = top.object(kind);
        if (body == null) {
            throw new ProtocolException(kind, "expected a JSON object, got null");
        }
        return switch (kind) {
            case "setup" -> setup(body);
            case "clientContent" -> clientContent(body);
            case "realtimeInput" -> realtimeInput(body);
            default -> toolResponse(body);
        };
    }

    static Setup setup(Fields f) {
        String model = f.string("model");
        if (model == null || model.isBlank()) {
            throw new ProtocolException(f.path("model"), "setup needs a model, e.g. models/gemini-3.8-live");
        }
        Fields gc = f.object("generationConfig");
        Fields si = f.object("systemInstruction");
        List<Tool> tools = f.objects("tools", ClientFrames::tool);
        Fields ric = f.object("realtimeInputConfig");
        Fields sr = f.object("sessionResumption");
        Fields cwc = f.object("contextWindowCompression");
        Fields iat = f.object("inputAudioTranscription");
        Fields oat = f.object("outputAudioTranscription");
        return new Setup(model,
                gc == null ? null : generationConfig(gc),
                si == null ? null : Contents.content(si),
                tools,
                ric == null ? null : realtimeInputConfig(ric),
                sr == null ? null : new SessionResumptionConfig(sr.string("handle"), sr.bool("transparent")),
                cwc == null ? null : contextWindowCompression(cwc),
                iat == null ? null : transcription(iat),
                oat == null ? null : transcription(oat),
                f.unread());
    }

    private static GenerationConfig generationConfig(Fields f) {
        List<String> modalities = f.strings("responseModalities");
        Fields sc = f.object("speechConfig");
        Fields tc = f.object("thinkingConfig");
        return new GenerationConfig(modalities, sc == null ? null : speechConfig(sc), f.number("temperature"),
                f.number("topP"), f.int32("topK"), f.int32("maxOutputTokens"), f.int64("seed"),
                f.string("mediaResolution"),
                tc == null ? null : new ThinkingConfig(tc.int32("thinkingBudget"), tc.bool("includeThoughts"),
                        tc.string("thinkingLevel")),
                f.unread());
    }

    private static SpeechConfig speechConfig(Fields f) {
        String voiceName = null;
        JsonNode voiceConfig = f.peek("voiceConfig");
        if (voiceConfig != null) {
            // Only the plain prebuilt-voice shape is modelled; anything richer stays verbatim in extra.
            JsonNode name = voiceConfig.path("prebuiltVoiceConfig").path("voiceName");
            if (voiceConfig.size() == 1 && voiceConfig.path("prebuiltVoiceConfig").size() == 1 && name.isTextual()) {
                voiceName = name.textValue();
                f.raw("voiceConfig");
            }
        }
        String languageCode = f.string("languageCode");
        return new SpeechConfig(voiceName, languageCode, f.unread());
    }

    private static RealtimeInputConfig realtimeInputConfig(Fields f) {
        Fields aad = f.object("automaticActivityDetection");
        RealtimeInputConfig.AutomaticActivityDetection detection = aad == null ? null
                : new RealtimeInputConfig.AutomaticActivityDetection(aad.bool("disabled"),
                        aad.string("startOfSpeechSensitivity"), aad.string("endOfSpeechSensitivity"),
                        aad.int32("prefixPaddingMs"), aad.int32("silenceDurationMs"), aad.unread());
        return new RealtimeInputConfig(detection, f.string("activityHandling"), f.string("turnCoverage"), f.unread());
    }

    private static ContextWindowCompression contextWindowCompression(Fields f) {
        Long trigger = f.int64("triggerTokens");
        Fields sw = f.object("slidingWindow");
        try {
            return new ContextWindowCompression(trigger,
                    sw == null ? null : new ContextWindowCompression.SlidingWindow(sw.int64("targetTokens")));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(f.path("triggerTokens"), e.getMessage());
        }
    }

    private static AudioTranscriptionConfig transcription(Fields f) {
        return new AudioTranscriptionConfig(f.strings("languageCodes"), f.unread());
    }

    static Tool tool(Fields f) {
        List<FunctionDeclaration> declarations = f.objects("functionDeclarations", ClientFrames::declaration);
        return new Tool(declarations, f.unread());
    }

    private static FunctionDeclaration declaration(Fields f) {
        String name = f.string("name");
        String description = f.string("description");
        String behavior = f.string("behavior");
        Fields params = f.object("parameters");
        try {
            return new FunctionDeclaration(name, description, behavior,
                    params == null ? null : Schemas.read(params));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(f.path("name"), e.getMessage());
        }
    }

    private static ClientContent clientContent(Fields f) {
        List<Content> turns = f.objects("turns", Contents::content);
        return new ClientContent(turns, f.bool("turnComplete"));
    }

    private static RealtimeInput realtimeInput(Fields f) {
        Fields audio = f.object("audio");
        Fields video = f.object("video");
        String text = f.string("text");
        boolean activityStart = f.raw("activityStart") != null;
        boolean activityEnd = f.raw("activityEnd") != null;
        boolean audioStreamEnd = f.flag("audioStreamEnd");
        List<Blob> mediaChunks = f.objects("mediaChunks", Contents::blob);
        return new RealtimeInput(audio == null ? null : Contents.blob(audio), video == null ? null
                : Contents.blob(video), text, activityStart, activityEnd, audioStreamEnd, mediaChunks, f.unread());
    }

    private static ToolResponse toolResponse(Fields f) {
        List<FunctionResponse> responses = f.objects("functionResponses", ClientFrames::functionResponse);
        if (responses == null || responses.isEmpty()) {
            throw new ProtocolException(f.path("functionResponses"), "a toolResponse needs at least one response");
        }
        return new ToolResponse(responses);
    }

    private static FunctionResponse functionResponse(Fields f) {
        String name = f.string("name");
        if (name == null) {
            throw new ProtocolException(f.path("name"), "a function response needs the call's name");
        }
        ObjectNode response = f.userObject("response");
        if (response == null) {
            throw new ProtocolException(f.path("response"), "a function response needs a response object");
        }
        String scheduling = f.string("scheduling");
        Scheduling parsed = null;
        if (scheduling != null && !scheduling.equals("SCHEDULING_UNSPECIFIED")) {
            try {
                parsed = Scheduling.valueOf(scheduling);
            } catch (IllegalArgumentException e) {
                throw new ProtocolException(f.path("scheduling"), "unknown scheduling '" + scheduling
                        + "', expected one of SILENT, WHEN_IDLE, INTERRUPT");
            }
        }
        return new FunctionResponse(f.string("id"), name, response, parsed, f.bool("willContinue"));
    }

    // ---------------------------------------------------------------- encode

    public static ObjectNode encode(ClientMessage message) {
        ObjectNode top = Json.object();
        if (message instanceof Setup s) {
            top.set("setup", write(s));
        } else if (message instanceof ClientContent c) {
            top.set("clientContent", write(c));
        } else if (message instanceof RealtimeInput r) {
            top.set("realtimeInput", write(r));
        } else if (message instanceof ToolResponse t) {
            top.set("toolResponse", write(t));
        } else if (message instanceof UnknownClientMessage u) {
            top.set(u.kind(), u.body());
        } else {
            throw new IllegalArgumentException("unknown client message type " + message.getClass().getName());
        }
        return top;
    }

    private static ObjectNode write(Setup s) {
        ObjectNode o = Json.object();
        o.put("model", s.model());
        if (s.generationConfig() != null) {
            o.set("generationConfig", write(s.generationConfig()));
        }
        if (s.systemInstruction() != null) {
            o.set("systemInstruction", Contents.write(s.systemInstruction()));
        }
        if (s.tools() != null) {
            ArrayNode tools = o.putArray("tools");
            s.tools().forEach(t -> tools.add(write(t)));
        }
        if (s.realtimeInputConfig() != null) {
            o.set("realtimeInputConfig", write(s.realtimeInputConfig()));
        }
        if (s.sessionResumption() != null) {
            ObjectNode sr = o.putObject("sessionResumption");
            putIfSet(sr, "handle", s.sessionResumption().handle());
            if (s.sessionResumption().transparent() != null) {
                sr.put("transparent", s.sessionResumption().transparent());
            }
        }
        if (s.contextWindowCompression() != null) {
            ObjectNode c = o.putObject("contextWindowCompression");
            if (s.contextWindowCompression().triggerTokens() != null) {
                c.put("triggerTokens", s.contextWindowCompression().triggerTokens());
            }
            if (s.contextWindowCompression().slidingWindow() != null) {
                ObjectNode sw = c.putObject("slidingWindow");
                if (s.contextWindowCompression().slidingWindow().targetTokens() != null) {
                    sw.put("targetTokens", s.contextWindowCompression().slidingWindow().targetTokens());
                }
            }
        }
        if (s.inputAudioTranscription() != null) {
            o.set("inputAudioTranscription", write(s.inputAudioTranscription()));
        }
        if (s.outputAudioTranscription() != null) {
            o.set("outputAudioTranscription", write(s.outputAudioTranscription()));
        }
        putExtra(o, s.extra());
        return o;
    }

    private static ObjectNode write(GenerationConfig g) {
        ObjectNode o = Json.object();
        if (g.responseModalities() != null) {
            ArrayNode m = o.putArray("responseModalities");
            g.responseModalities().forEach(m::add);
        }
        if (g.speechConfig() != null) {
            ObjectNode sc = o.putObject("speechConfig");
            if (g.speechConfig().voiceName() != null) {
                sc.putObject("voiceConfig").putObject("prebuiltVoiceConfig")
                        .put("voiceName", g.speechConfig().voiceName());
            }
            putIfSet(sc, "languageCode", g.speechConfig().languageCode());
            putExtra(sc, g.speechConfig().extra());
        }
        if (g.temperature() != null) {
            o.put("temperature", g.temperature());
        }
        if (g.topP() != null) {
            o.put("topP", g.topP());
        }
        if (g.topK() != null) {
            o.put("topK", g.topK());
        }
        if (g.maxOutputTokens() != null) {
            o.put("maxOutputTokens", g.maxOutputTokens());
        }
        if (g.seed() != null) {
            o.put("seed", g.seed());
        }
        putIfSet(o, "mediaResolution", g.mediaResolution());
        if (g.thinkingConfig() != null) {
            ObjectNode t = o.putObject("thinkingConfig");
            if (g.thinkingConfig().thinkingBudget() != null) {
                t.put("thinkingBudget", g.thinkingConfig().thinkingBudget());
            }
            if (g.thinkingConfig().includeThoughts() != null) {
                t.put("includeThoughts", g.thinkingConfig().includeThoughts());
            }
            putIfSet(t, "thinkingLevel", g.thinkingConfig().thinkingLevel());
        }
        putExtra(o, g.extra());
        return o;
    }

    private static ObjectNode write(RealtimeInputConfig r) {
        ObjectNode o = Json.object();
        var aad = r.automaticActivityDetection();
        if (aad != null) {
            ObjectNode a = o.putObject("automaticActivityDetection");
            if (aad.disabled() != null) {
                a.put("disabled", aad.disabled());
            }
            putIfSet(a, "startOfSpeechSensitivity", aad.startOfSpeechSensitivity());
            putIfSet(a, "endOfSpeechSensitivity", aad.endOfSpeechSensitivity());
            if (aad.prefixPaddingMs() != null) {
                a.put("prefixPaddingMs", aad.prefixPaddingMs());
            }
            if (aad.silenceDurationMs() != null) {
                a.put("silenceDurationMs", aad.silenceDurationMs());
            }
            putExtra(a, aad.extra());
        }
        putIfSet(o, "activityHandling", r.activityHandling());
        putIfSet(o, "turnCoverage", r.turnCoverage());
        putExtra(o, r.extra());
        return o;
    }

    private static ObjectNode write(AudioTranscriptionConfig t) {
        ObjectNode o = Json.object();
        if (t.languageCodes() != null) {
            ArrayNode codes = o.putArray("languageCodes");
            t.languageCodes().forEach(codes::add);
        }
        putExtra(o, t.extra());
        return o;
    }

    private static ObjectNode write(Tool t) {
        ObjectNode o = Json.object();
        if (t.functionDeclarations() != null) {
            ArrayNode decls = o.putArray("functionDeclarations");
            t.functionDeclarations().forEach(d -> decls.add(Json.tree(d)));
        }
        putExtra(o, t.extra());
        return o;
    }

    private static ObjectNode write(ClientContent c) {
        ObjectNode o = Json.object();
        ArrayNode turns = o.putArray("turns");
        c.turns().forEach(t -> turns.add(Contents.write(t)));
        if (c.turnComplete() != null) {
            o.put("turnComplete", c.turnComplete());
        }
        return o;
    }

    private static ObjectNode write(RealtimeInput r) {
        ObjectNode o = Json.object();
        if (r.audio() != null) {
            o.set("audio", Contents.write(r.audio()));
        }
        if (r.video() != null) {
            o.set("video", Contents.write(r.video()));
        }
        putIfSet(o, "text", r.text());
        if (r.activityStart()) {
            o.putObject("activityStart");
        }
        if (r.activityEnd()) {
            o.putObject("activityEnd");
        }
        if (r.audioStreamEnd()) {
            o.put("audioStreamEnd", true);
        }
        if (r.mediaChunks() != null) {
            ArrayNode chunks = o.putArray("mediaChunks");
            r.mediaChunks().forEach(b -> chunks.add(Contents.write(b)));
        }
        putExtra(o, r.extra());
        return o;
    }

    private static ObjectNode write(ToolResponse t) {
        ObjectNode o = Json.object();
        ArrayNode responses = o.putArray("functionResponses");
        for (FunctionResponse r : t.functionResponses()) {
            ObjectNode fr = responses.addObject();
            putIfSet(fr, "id", r.id());
            fr.put("name", r.name());
            fr.set("response", r.response());
            if (r.scheduling() != null) {
                fr.put("scheduling", r.scheduling().name());
            }
            if (r.willContinue() != null) {
                fr.put("willContinue", r.willContinue());
            }
        }
        return o;
    }
}
