package dev.livetools.testkit;

import dev.livetools.catalog.ToolCatalog;
import dev.livetools.dispatch.DispatchListener;
import dev.livetools.dispatch.ToolDispatcher;
import dev.livetools.session.LiveEndpoint;
import dev.livetools.session.LiveSession;
import dev.livetools.session.LiveSessionListener;
import dev.livetools.session.SessionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs a {@link Scenario} against real tools: the {@link LiveEmulator} plays the model, a real {@link LiveSession}
 * with a {@link ToolDispatcher} plays the host, and the tester plays the user by sending the scenario's
 * {@link Scenario#userTurns() user turns} (those before the first {@code turnComplete} right after setup, the others
 * when the model's preceding turn completes).
 *
 * <pre>{@code
 * @LiveEmulatorTest
 * class LightsTest {
 *     @Test
 *     void turnsOnTheKitchenLight(LiveToolsTester tester) {
 *         ToolRun run = tester.run(Scenario.fromResource("kitchen-light.json"), new HomeTools());
 *         assertTrue(run.passed(), run.report());
 *     }
 * }
 * }</pre>
 */
public final class LiveToolsTester {

    /** The model the session declares; the emulator knows it by default. */
    public static final String DEFAULT_MODEL = "gemini-3.8-live";

    private final LiveEmulator emulator;
    private Duration timeout = Duration.ofSeconds(30);
    private String model = DEFAULT_MODEL;
    private String apiKey;
    private final List<LiveSessionListener> listeners = new ArrayList<>();
    private final List<DispatchListener> dispatchListeners = new ArrayList<>();

    private LiveToolsTester(LiveEmulator emulator) {
        this.emulator = Objects.requireNonNull(emulator, "emulator");
        if (emulator.isTls()) {
            throw new IllegalArgumentException("LiveToolsTester drives a plain ws:// emulator; build it without tls");
        }
    }

    public static LiveToolsTester forEmulator(LiveEmulator emulator) {
        return new LiveToolsTester(emulator);
    }

    public LiveEmulator emulator() {
        return emulator;
    }

    /** How long a run may take in total (default 30 s). */
    public LiveToolsTester timeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("LiveToolsTester.timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    public LiveToolsTester model(String model) {
        this.model = Objects.requireNonNull(model, "model");
        return this;
    }

    /** The key to connect with, when the emulator requires one. */
    public LiveToolsTester apiKey(String apiKey) {
        this.apiKey = apiKey;
        return this;
    }

    /** Also sees every session event (for printing a conversation). */
    public LiveToolsTester listener(LiveSessionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Also sees every dispatcher call event (for timings). */
    public LiveToolsTester dispatchListener(DispatchListener listener) {
        dispatchListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Plays {@code scenario} against these tools: instances (used as they are) or classes (created with their
     * no-argument constructor).
     */
    public ToolRun run(Scenario scenario, Object... tools) {
        Map<Class<?>, Object> instances = new HashMap<>();
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (Object tool : tools) {
            Objects.requireNonNull(tool, "tool");
            Class<?> type = tool instanceof Class<?> c ? c : tool.getClass();
            classes.add(type);
            if (!(tool instanceof Class<?>)) {
                instances.put(type, tool);
            }
        }
        try (ToolCatalog catalog = ToolCatalog.builder().addClasses(classes.toArray(Class<?>[]::new))
                .instanceFactory(type -> instances.containsKey(type) ? instances.get(type)
                        : type.getConstructor().newInstance())
                .build()) {
            return run(scenario, catalog);
        }
    }

    /**
     * Plays {@code scenario} against the tools of {@code catalog} (which the caller closes).
     *
     * @throws IllegalArgumentException when the scenario has a user turn the tester cannot play (see
     *                                  {@link Scenario#unplayableUserTurns()}); nothing is sent then
     */
    public ToolRun run(Scenario scenario, ToolCatalog catalog) {
        List<String> unplayable = scenario.unplayableUserTurns();
        if (!unplayable.isEmpty()) {
            throw new IllegalArgumentException("scenario '" + scenario.name() + "': " + String.join("; ", unplayable));
        }
        emulator.enqueue(scenario);
        List<SessionEvent> events = Collections.synchronizedList(new ArrayList<>());
        UserTurns user = new UserTurns(scenario);
        LiveSession.Builder builder = LiveSession.builder(LiveEndpoint.url(emulator.url().toString(), apiKey))
                .model(model)
                .reconnect(Duration.ofMillis(50), Duration.ofMillis(500), 5)
                .listener(events::add);
        listeners.forEach(builder::listener);
        ToolDispatcher.Builder dispatch = ToolDispatcher.builder(catalog);
        if (!dispatchListeners.isEmpty()) {
            dispatch.listener(event -> dispatchListeners.forEach(l -> l.onEvent(event)));
        }
        try (ToolDispatcher dispatcher = dispatch.build()) {
            builder.tools(dispatcher).listener(user);
            ScenarioResult result;
            try (LiveSession session = builder.connect()) {
                user.start(session);
                result = emulator.awaitResult(timeout);
                // The emulator finishes when it has sent its last frame; let the session read the scripted turns.
                user.awaitTurnsCompleted(result, Duration.ofSeconds(5));
            }
            return new ToolRun(result, List.copyOf(events));
        }
    }

    /**
     * Sends the scenario's user turns: those before the scenario's first {@code turnComplete} at once, those after
     * the k-th {@code turnComplete} step when the session sees its k-th turn complete. Sending early is harmless (the
     * emulator keeps client messages for later expectations); sending late would stall the run.
     *
     * <p>A turn can complete before {@link #start} has the session: the emulator may send its first turn right after
     * {@code setupComplete}, and the event thread can report it while {@code connect()} is still returning. Each
     * turn's texts are therefore sent exactly once, by whichever of {@link #start} and {@link #onEvent} comes second.
     */
    private static final class UserTurns implements LiveSessionListener {
        private final List<List<String>> byTurn = new ArrayList<>();
        // guarded by this
        private int completedTurns;
        private int nextToSend;
        private LiveSession session;

        UserTurns(Scenario scenario) {
            byTurn.add(new ArrayList<>());
            for (Step step : scenario.steps()) {
                if (step instanceof Step.TurnComplete) {
                    byTurn.add(new ArrayList<>());
                } else if (step instanceof Step.ExpectText text && text.match().mode() != TextMatch.Mode.ANY) {
                    byTurn.get(byTurn.size() - 1).add(text.match().text());
                }
            }
        }

        /** Waits (bounded) until the session has seen as many turnCompletes as the run's passed turnComplete steps. */
        void awaitTurnsCompleted(ScenarioResult result, Duration limit) {
            long expected = result.steps().stream()
                    .filter(s -> s.status() == StepResult.Status.PASSED && s.step().equals("turnComplete")).count();
            long deadline = System.nanoTime() + limit.toNanos();
            synchronized (this) {
                while (completedTurns < expected && System.nanoTime() < deadline) {
                    try {
                        wait(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        synchronized void start(LiveSession connected) {
            session = connected;
            sendDueTurns();
        }

        @Override
        public void onEvent(SessionEvent event) {
            if (event instanceof SessionEvent.TurnComplete) {
                synchronized (this) {
                    completedTurns++;
                    sendDueTurns();
                    notifyAll();
                }
            }
        }

        /** Guarded by this: sends, in order, every turn due after {@code completedTurns} not yet sent. */
        private void sendDueTurns() {
            if (session == null) {
                return;
            }
            while (nextToSend <= completedTurns && nextToSend < byTurn.size()) {
                byTurn.get(nextToSend++).forEach(session::sendText);
            }
        }
    }
}
