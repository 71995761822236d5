package dev.livetools.benchmarks.host;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.dispatch.ResponseSink;
import dev.livetools.dispatch.ToolDispatcher;
import dev.livetools.protocol.FunctionDeclaration;
import dev.livetools.protocol.LiveCodec;
import dev.livetools.protocol.ToolCall;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 11's performance table: a validated tool call from {@code toolCall} text to {@code toolResponse} text, and
 * building the declarations of one class, each against a baseline measured in the same run.
 *
 * <p>The call baseline is the least a tool host can do: the compact one-line frame, Jackson {@code readTree}, typed
 * argument extraction (plain accessors for the scalars, {@code treeToValue} for the record), a
 * {@code MethodHandle.invokeExact}, and the answer streamed with a {@link JsonGenerator}; no validation, no
 * bookkeeping. LiveTools does the same through {@link LiveCodec} and {@link ToolDispatcher} (binding, validation,
 * exactly-once bookkeeping, deadline), on the calling thread so that the figure is work and not a thread hand-off.
 * The build baseline is LangChain4j's {@code ToolSpecifications.toolSpecificationsFrom} on the same class.
 * See docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ToolHostBenchmark {

    private static final int IDS = 1 << 13;

    private final LiveCodec codec = new LiveCodec();
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
    private final HomeTools tools = new HomeTools();

    private ToolCatalog catalog;
    private ToolDispatcher dispatcher;
    private MethodHandle setLight;
    private MethodHandle schedule;
    private String[] setLightFrames;
    private String[] routineFrames;
    private int next;
    private String lastResponse;
    private final ResponseSink sink = response -> lastResponse = codec.encode(response);

    @Setup(Level.Trial)
    public void setUp() throws Throwable {
        catalog = ToolCatalog.builder().addClasses(HomeTools.class).build();
        dispatcher = ToolDispatcher.builder(catalog).executor(Runnable::run).build();
        setLight = MethodHandles.publicLookup().findVirtual(HomeTools.class, "setLight",
                MethodType.methodType(HomeTools.LightState.class, String.class, int.class, boolean.class));
        schedule = MethodHandles.publicLookup().findVirtual(HomeTools.class, "schedule",
                MethodType.methodType(String.class, HomeTools.Routine.class));
        setLightFrames = frames("setLight", "{\"room\":\"kitchen\",\"brightness\":40,\"on\":true}", 1_000_000);
        routineFrames = frames("schedule", "{\"routine\":{\"name\":\"Morning\",\"steps\":["
                + "{\"at\":\"07:30\",\"action\":\"on\",\"level\":40},{\"at\":\"07:45\",\"action\":\"DIM\",\"level\":80},"
                + "{\"at\":\"08:00\",\"action\":\"off\",\"level\":0}]}}", 2_000_000);
        // Both paths must give the same answer, or the comparison means nothing.
        next = 0;
        String expected = setLight_baseline();
        next = 0;
        if (!mapper.readTree(setLight_livetools()).equals(mapper.readTree(expected))) {
            throw new IllegalStateException("setLight answers differ: " + lastResponse + " vs " + expected);
        }
        next = 0;
        expected = routine_baseline();
        next = 0;
        if (!mapper.readTree(routine_livetools()).equals(mapper.readTree(expected))) {
            throw new IllegalStateException("schedule answers differ: " + lastResponse + " vs " + expected);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        dispatcher.close();
        catalog.close();
    }

    /** Compact one-line frames, each with its own id (the dispatcher rightly ignores a repeated one). */
    private static String[] frames(String name, String args, int firstId) {
        String[] out = new String[IDS];
        for (int i = 0; i < IDS; i++) {
            out[i] = "{\"toolCall\":{\"functionCalls\":[{\"id\":\"function-call-" + (firstId + i) + "\",\"name\":\""
                    + name + "\",\"args\":" + args + "}]}}";
        }
        return out;
    }

    private String nextOf(String[] frames) {
        next = (next + 1) & (IDS - 1);
        return frames[next];
    }

    // ---- validated setLight(String @NotBlank, int @Min(0) @Max(100), boolean), text to text ----

    @Benchmark
    public String setLight_baseline() throws Throwable {
        JsonNode call = mapper.readTree(nextOf(setLightFrames)).get("toolCall").get("functionCalls").get(0);
        JsonNode args = call.get("args");
        HomeTools.LightState result = (HomeTools.LightState) setLight.invokeExact(tools, args.get("room").asText(),
                args.get("brightness").asInt(), args.get("on").asBoolean());
        return answer(call, result);
    }

    @Benchmark
    public String setLight_livetools() {
        return dispatch(setLightFrames);
    }

    // ---- nested record + list + LocalTime + enum, text to text ----

    @Benchmark
    public String routine_baseline() throws Throwable {
        JsonNode call = mapper.readTree(nextOf(routineFrames)).get("toolCall").get("functionCalls").get(0);
        HomeTools.Routine routine = mapper.treeToValue(call.get("args").get("routine"), HomeTools.Routine.class);
        String result = (String) schedule.invokeExact(tools, routine);
        return answer(call, result);
    }

    @Benchmark
    public String routine_livetools() {
        return dispatch(routineFrames);
    }

    private String dispatch(String[] frames) {
        ToolCall call = codec.decodeServer(nextOf(frames)).toolCall();
        dispatcher.dispatch(call, sink).join();
        return lastResponse;
    }

    /** The answer, streamed: {"toolResponse":{"functionResponses":[{"id","name","response":{"output":...}}]}}. */
    private String answer(JsonNode call, Object result) throws IOException {
        StringWriter out = new StringWriter(160);
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("toolResponse");
            g.writeArrayFieldStart("functionResponses");
            g.writeStartObject();
            g.writeStringField("id", call.get("id").asText());
            g.writeStringField("name", call.get("name").asText());
            g.writeObjectFieldStart("response");
            g.writeFieldName("output");
            g.writeObject(result);
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toString();
    }

    // ---- declarations of one class with two tools ----

    @Benchmark
    public List<FunctionDeclaration> catalog_livetools() {
        try (ToolCatalog built = ToolCatalog.builder().addClasses(HomeTools.class).build()) {
            return built.declarations();
        }
    }

    @Benchmark
    public List<ToolSpecification> catalog_langchain4j() {
        return ToolSpecifications.toolSpecificationsFrom(HomeTools.class);
    }
}
