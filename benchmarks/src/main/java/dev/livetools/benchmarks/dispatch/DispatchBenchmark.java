package dev.livetools.benchmarks.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.dispatch.ResponseSink;
import dev.livetools.dispatch.ToolDispatcher;
import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.LiveCodec;
import dev.livetools.protocol.ServerMessage;
import dev.livetools.protocol.ToolCall;
import dev.livetools.protocol.ToolResponse;
import jakarta.validation.Validation;
import jakarta.validation.executable.ExecutableValidator;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One tool call from {@code toolCall} text to {@code toolResponse} text, measured against an in-run baseline that does
 * the least possible work: Jackson {@code readTree}, argument extraction, a direct {@link MethodHandle} call and a
 * Jackson write, with no validation, no deadline, no bookkeeping. See docs/performance.md.
 *
 * <p>Every operation uses a fresh call id (ids cycle through more than the dispatcher remembers), since the
 * dispatcher rightly ignores a second delivery of an id.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DispatchBenchmark {

    private static final int IDS = 1 << 13;

    private final LiveCodec codec = new LiveCodec();
    private final ObjectMapper baselineMapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);

    private ToolCatalog catalog;
    private ToolDispatcher sameThread;
    private final BenchTools tools = new BenchTools();
    private java.lang.reflect.Method setLightMethod;
    private ExecutableValidator validator;
    private ToolResponse setLightResponse;
    private ToolDispatcher ownThreads;
    private MethodHandle setLight;
    private MethodHandle schedule;

    private String[] setLightValid;
    private String[] setLightUnchecked;
    private String[] setLightInvalid;
    private String[] routineValid;
    private String[] routineInvalid;
    private int next;
    private String lastResponse;
    private Object lastObject;
    private final ResponseSink objectSink = response -> lastObject = response;
    private ToolCall[] decodedValid;
    private ToolCall[] decodedUnchecked;
    private java.lang.reflect.Method scheduleMethod;
    private BenchTools.Routine routine;
    private final ResponseSink sink = response -> lastResponse = codec.encode(response);
    private final ResponseSink plainSink = response -> {
        try {
            lastResponse = baselineMapper.writeValueAsString(Map.of("toolResponse", response));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    };

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        catalog = ToolCatalog.builder().addClasses(BenchTools.class).build();
        // Same work on the caller's thread: isolates dispatch cost from the thread hand-off, like the baseline.
        sameThread = ToolDispatcher.builder(catalog).executor(Runnable::run).build();
        ownThreads = ToolDispatcher.builder(catalog).build();
        setLightMethod = BenchTools.class.getMethod("setLight", String.class, int.class, boolean.class);
        validator = Validation.buildDefaultValidatorFactory().getValidator().forExecutables();
        setLight = MethodHandles.publicLookup().findVirtual(BenchTools.class, "setLight",
                MethodType.methodType(BenchTools.LightState.class, String.class, int.class, boolean.class))
                .bindTo(tools);
        schedule = MethodHandles.publicLookup().findVirtual(BenchTools.class, "schedule",
                MethodType.methodType(String.class, BenchTools.Routine.class)).bindTo(tools);
        setLightValid = messages("setLight", "{\"room\":\"kitchen\",\"brightness\":40,\"on\":true}");
        setLightUnchecked = messages("setLightUnchecked", "{\"room\":\"kitchen\",\"brightness\":40,\"on\":true}");
        setLightInvalid = messages("setLight", "{\"room\":\"kitchen\",\"brightness\":140.5,\"on\":\"maybe\"}");
        String steps = "[{\"at\":\"07:30\",\"action\":\"on\",\"level\":40},"
                + "{\"at\":\"07:45\",\"action\":\"DIM\",\"level\":80},{\"at\":\"08:00\",\"action\":\"off\",\"level\":0}]";
        routineValid = messages("schedule", "{\"routine\":{\"name\":\"Morning\",\"steps\":" + steps + "}}");
        sameThread.dispatch(codec.decodeServer(setLightValid[0]).toolCall(), sink).join();
        setLightResponse = (ToolResponse) codec.decodeClient(lastResponse);
        decodedValid = decodeAll(setLightValid);
        decodedUnchecked = decodeAll(setLightUnchecked);
        scheduleMethod = BenchTools.class.getMethod("schedule", BenchTools.Routine.class);
        routine = baselineMapper.treeToValue(baselineMapper.readTree(routineValid[0]).get("toolCall")
                .get("functionCalls").get(0).get("args").get("routine"), BenchTools.Routine.class);
        routineInvalid = messages("schedule", "{\"routine\":{\"name\":\" \",\"steps\":"
                + steps.replace("\"level\":80", "\"level\":180").replace("08:00", "25:00") + "}}");
    }

    private ToolCall[] decodeAll(String[] texts) {
        ToolCall[] out = new ToolCall[texts.length];
        for (int i = 0; i < texts.length; i++) {
            out[i] = codec.decodeServer(texts[i]).toolCall();
        }
        return out;
    }

    /** Server frames as the service sends them: pretty-printed, one call, a distinct id each. */
    private static String[] messages(String name, String args) {
        String[] out = new String[IDS];
        for (int i = 0; i < IDS; i++) {
            out[i] = "{\n  \"toolCall\": {\n    \"functionCalls\": [\n      {\n        \"name\": \"" + name
                    + "\",\n        \"args\": " + args + ",\n        \"id\": \"function-call-" + (1_000_000 + i)
                    + "\"\n      }\n    ]\n  }\n}\n";
        }
        return out;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sameThread.close();
        ownThreads.close();
    }

    private String nextOf(String[] texts) {
        next = (next + 1) & (IDS - 1);
        return texts[next];
    }

    // ---- baseline: parse, extract, call, write; nothing else ----

    @Benchmark
    public String setLight_baseline() throws Throwable {
        JsonNode call = baselineMapper.readTree(nextOf(setLightValid)).get("toolCall").get("functionCalls").get(0);
        JsonNode args = call.get("args");
        Object result = (BenchTools.LightState) setLight.invokeExact(args.get("room").asText(),
                args.get("brightness").asInt(), args.get("on").asBoolean());
        return baselineWrite(call, result);
    }

    @Benchmark
    public String routine_baseline() throws Throwable {
        JsonNode call = baselineMapper.readTree(nextOf(routineValid)).get("toolCall").get("functionCalls").get(0);
        BenchTools.Routine routine = baselineMapper.treeToValue(call.get("args").get("routine"),
                BenchTools.Routine.class);
        Object result = (String) schedule.invokeExact(routine);
        return baselineWrite(call, result);
    }

    private String baselineWrite(JsonNode call, Object result) throws Exception {
        ObjectNode message = baselineMapper.createObjectNode();
        ArrayNode responses = message.putObject("toolResponse").putArray("functionResponses");
        ObjectNode response = responses.addObject();
        response.put("id", call.get("id").asText());
        response.put("name", call.get("name").asText());
        response.putObject("response").set("output", baselineMapper.valueToTree(result));
        return baselineMapper.writeValueAsString(message);
    }

    // ---- full dispatch: decode, dedupe, bind, validate, deadline, call, shape, encode ----

    @Benchmark
    public String setLight_dispatch_valid() {
        return dispatch(sameThread, setLightValid);
    }

    @Benchmark
    public String setLight_dispatch_invalid() {
        return dispatch(sameThread, setLightInvalid);
    }

    /** Same as valid, for a copy of setLight without constraints: what validation adds. */
    @Benchmark
    public String setLight_dispatch_noConstraints() {
        return dispatch(sameThread, setLightUnchecked);
    }

    /**
     * The dispatcher alone: the frame is read and the answer written with the baseline's plain Jackson calls instead
     * of {@link LiveCodec}, so the difference to the baseline is the dispatcher's own work.
     */
    @Benchmark
    public String setLight_dispatcherOnly_valid() throws Exception {
        JsonNode fc = baselineMapper.readTree(nextOf(setLightValid)).get("toolCall").get("functionCalls").get(0);
        ToolCall call = new ToolCall(List.of(new FunctionCall(fc.get("id").asText(), fc.get("name").asText(),
                (ObjectNode) fc.get("args"))));
        sameThread.dispatch(call, plainSink).join();
        return lastResponse;
    }

    @Benchmark
    public String setLight_dispatch_valid_ownThreads() {
        return dispatch(ownThreads, setLightValid);
    }

    @Benchmark
    public String routine_dispatch_valid() {
        return dispatch(sameThread, routineValid);
    }

    @Benchmark
    public String routine_dispatch_invalid() {
        return dispatch(sameThread, routineInvalid);
    }

    private String dispatch(ToolDispatcher dispatcher, String[] texts) {
        ToolCall call = codec.decodeServer(nextOf(texts)).toolCall();
        dispatcher.dispatch(call, sink).join();
        return lastResponse;
    }

    // ---- parts of the dispatch path, to show where its time goes ----

    @Benchmark
    public ServerMessage part_codecDecode() {
        return codec.decodeServer(nextOf(setLightValid));
    }

    @Benchmark
    public String part_codecEncode() {
        return codec.encode(setLightResponse);
    }

    @Benchmark
    public Object part_hibernateValidator() {
        return validator.validateParameters(tools, setLightMethod, new Object[] {"kitchen", 40, true});
    }

    @Benchmark
    public Object part_hibernateValidator_routine() {
        return validator.validateParameters(tools, scheduleMethod, new Object[] {routine});
    }

    /** The dispatcher's own work: a decoded call in, a {@code ToolResponse} object out, no JSON text either side. */
    @Benchmark
    public Object part_dispatcherAlone_noConstraints() {
        next = (next + 1) & (IDS - 1);
        sameThread.dispatch(decodedUnchecked[next], objectSink).join();
        return lastObject;
    }

    @Benchmark
    public Object part_dispatcherAlone_valid() {
        next = (next + 1) & (IDS - 1);
        sameThread.dispatch(decodedValid[next], objectSink).join();
        return lastObject;
    }

    // ---- one-time work ----

    @Benchmark
    public ToolCatalog catalogBuild_oneClass() {
        return ToolCatalog.builder().addClasses(BenchTools.class).build();
    }

    /** Per session: resolving binders, handles and validation metadata (the validator itself is shared). */
    @Benchmark
    public ToolDispatcher dispatcherBuild_oneClass() {
        ToolDispatcher d = ToolDispatcher.builder(catalog).build();
        d.close();
        return d;
    }
}
