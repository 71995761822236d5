package dev.livetools.samples.home.timers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A running timer or reminder. It ends exactly once: it rings, or it is cancelled. */
public final class Countdown {

    /** How a countdown ended. */
    public enum Ending {
        /** Its time came. */
        RANG,
        /** It was cancelled first. */
        CANCELLED
    }

    private final TimerBoard.Kind kind;
    private final String label;
    private final String message;
    private final Instant startedAt;
    private final Instant endsAt;
    private final CompletableFuture<Ending> ending = new CompletableFuture<>();

    Countdown(TimerBoard.Kind kind, String label, String message, Instant startedAt, Instant endsAt) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.label = Objects.requireNonNull(label, "label");
        this.message = message;
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.endsAt = Objects.requireNonNull(endsAt, "endsAt");
    }

    /** Timer or reminder. */
    public TimerBoard.Kind kind() {
        return kind;
    }

    /** The name it is cancelled by, e.g. "pasta". */
    public String label() {
        return label;
    }

    /** A reminder's text; {@code null} for a timer. */
    public String message() {
        return message;
    }

    /** When it was started. */
    public Instant startedAt() {
        return startedAt;
    }

    /** When it rings. */
    public Instant endsAt() {
        return endsAt;
    }

    /** How long it runs in all. */
    public Duration length() {
        return Duration.between(startedAt, endsAt);
    }

    /** The time left, never negative. */
    public Duration remaining(Clock clock) {
        Duration d = Duration.between(clock.instant(), endsAt);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Whether it has rung or been cancelled. */
    public boolean isOver() {
        return ending.isDone();
    }

    /**
     * Waits until it rings or is cancelled.
     *
     * @throws InterruptedException if the waiting thread is interrupted first; the countdown keeps running
     */
    public Ending await() throws InterruptedException {
        try {
            return ending.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a countdown never fails", e);
        }
    }

    /** Ends it; returns whether this call was the one that ended it. */
    boolean end(Ending how) {
        return ending.complete(how);
    }
}
