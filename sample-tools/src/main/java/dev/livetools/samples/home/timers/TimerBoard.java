package dev.livetools.samples.home.timers;

import dev.livetools.sdk.ToolException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The running timers and reminders: starts them, rings them on time, finds them by a spoken label to cancel. */
public final class TimerBoard implements AutoCloseable {

    /** What a countdown is for. */
    public enum Kind {
        TIMER("timer"),
        REMINDER("reminder");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** "timer" or "reminder". */
        public String word() {
            return word;
        }
    }

    /** The longest countdown: a voice session does not outlive a day, and a call should not either. */
    public static final Duration LONGEST = Duration.ofHours(24);
    /** How many may run at once, so a confused model cannot pile up threads. */
    public static final int CAPACITY = 20;

    private static final Set<String> FILLER = Set.of("timer", "timers", "reminder", "reminders", "the", "my", "a",
            "an", "for");

    private final Clock clock;
    private final Scheduler scheduler;
    private final Map<Countdown, Runnable> running = new LinkedHashMap<>();

    public TimerBoard(Clock clock, Scheduler scheduler) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** The clock countdowns are measured on. */
    public Clock clock() {
        return clock;
    }

    /**
     * Starts a countdown.
     *
     * @param label its name; {@code null} or blank for one made from the length ("5 minutes")
     * @param message a reminder's text, or {@code null}
     * @throws ToolException if the label is taken, the length is out of range, or too many are running
     */
    public synchronized Countdown start(Kind kind, String label, String message, Duration length) {
        if (length.isNegative() || length.isZero() || length.compareTo(LONGEST) > 0) {
            throw new ToolException("A " + kind.word() + " must last between 1 second and 24 hours, not "
                    + SpokenDuration.of(length.abs()) + ".");
        }
        String name = label == null || label.isBlank() ? freeLabel(SpokenDuration.of(length)) : label.trim();
        for (Countdown c : running.keySet()) {
            if (key(c.label()).equals(key(name))) {
                throw new ToolException("A " + c.kind().word() + " called '" + c.label() + "' is already running with "
                        + SpokenDuration.of(c.remaining(clock)) + " left. Cancel it first or choose another label.",
                        false, Map.of("running", labels()));
            }
        }
        if (running.size() >= CAPACITY) {
            throw new ToolException(CAPACITY + " timers and reminders are already running; cancel one first. Running: "
                    + String.join(", ", labels()) + ".", false, Map.of("running", labels()));
        }
        Instant now = clock.instant();
        Countdown countdown = new Countdown(kind, name, message, now, now.plus(length));
        running.put(countdown, scheduler.schedule(length, () -> ring(countdown)));
        return countdown;
    }

    /** Cancels this countdown; returns whether it was still running. */
    public boolean cancel(Countdown countdown) {
        Runnable unschedule;
        synchronized (this) {
            unschedule = running.remove(countdown);
        }
        if (unschedule != null) {
            unschedule.run();
        }
        return countdown.end(Countdown.Ending.CANCELLED);
    }

    /**
     * Cancels the countdown a spoken label means ("pasta", "the pasta timer"), or the only one running when
     * {@code label} is null or blank.
     *
     * @return the cancelled countdown
     * @throws ToolException listing what runs when nothing or several match
     */
    public Countdown cancel(String label) {
        Countdown target = find(label);
        cancel(target);
        return target;
    }

    /** The running countdowns, soonest first. */
    public synchronized List<Countdown> running() {
        return running.keySet().stream().sorted(Comparator.comparing(Countdown::endsAt)).toList();
    }

    /** Cancels everything and stops the scheduler. */
    @Override
    public void close() {
        for (Countdown c : running()) {
            cancel(c);
        }
        scheduler.close();
    }

    private synchronized Countdown find(String label) {
        List<Countdown> all = running();
        if (all.isEmpty()) {
            throw new ToolException("No timer or reminder is running.");
        }
        if (label == null || key(label).isEmpty()) {
            if (all.size() == 1) {
                return all.get(0);
            }
            throw new ToolException("Several timers and reminders are running; say which: "
                    + String.join(", ", labels()) + ".", false, Map.of("running", labels()));
        }
        String k = key(label);
        List<Countdown> exact = all.stream().filter(c -> key(c.label()).equals(k)).toList();
        if (exact.size() == 1) {
            return exact.get(0);
        }
        List<Countdown> partial = all.stream()
                .filter(c -> key(c.label()).contains(k) || k.contains(key(c.label()))).toList();
        if (partial.size() == 1) {
            return partial.get(0);
        }
        throw new ToolException((partial.isEmpty() ? "No timer or reminder called '" + label + "'."
                : "'" + label + "' could mean several.") + " Running: " + String.join(", ", labels()) + ".", false,
                Map.of("running", labels()));
    }

    private void ring(Countdown countdown) {
        synchronized (this) {
            running.remove(countdown);
        }
        countdown.end(Countdown.Ending.RANG);
    }

    private List<String> labels() {
        return running().stream().map(c -> c.label() + " (" + c.kind().word() + ", "
                + SpokenDuration.of(c.remaining(clock)) + " left)").toList();
    }

    private String freeLabel(String base) {
        String name = base;
        for (int n = 2; taken(name); n++) {
            name = base + " " + n;
        }
        return name;
    }

    private boolean taken(String name) {
        return running.keySet().stream().anyMatch(c -> key(c.label()).equals(key(name)));
    }

    /** A label reduced for comparison: "The Pasta Timer" and "pasta" agree. */
    static String key(String label) {
        return Arrays.stream(label.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim().split(" "))
                .filter(w -> !w.isEmpty() && !FILLER.contains(w))
                .collect(Collectors.joining(" "));
    }
}
