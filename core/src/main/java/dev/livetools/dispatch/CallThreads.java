package dev.livetools.dispatch;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * Where a dispatcher's calls run: its own threads behind a {@link FifoLimiter} of {@code maxConcurrency} slots, or an
 * executor the application supplied (which bounds itself, and which the dispatcher never shuts down).
 */
final class CallThreads {

    private static final Runnable NO_SLOT = () -> { };

    private final FifoLimiter limiter;
    private final Executor supplied;
    private final ExecutorService owned;
    private final boolean virtual;

    private CallThreads(FifoLimiter limiter, Executor supplied, ExecutorService owned, boolean virtual) {
        this.limiter = limiter;
        this.supplied = supplied;
        this.owned = owned;
        this.virtual = virtual;
    }

    static CallThreads create(Executor supplied, int maxConcurrency) {
        if (supplied != null) {
            return new CallThreads(null, supplied, null, false);
        }
        ExecutorService virtual = ToolThreads.virtualPerCall();
        ExecutorService threads = virtual != null ? virtual : ToolThreads.platformPool();
        return new CallThreads(new FifoLimiter(threads, maxConcurrency), null, threads, virtual != null);
    }

    boolean virtual() {
        return virtual;
    }

    /** @throws java.util.concurrent.RejectedExecutionException when shut down */
    void execute(FifoLimiter.SlotTask task) {
        if (limiter != null) {
            limiter.execute(task);
        } else {
            supplied.execute(() -> task.run(NO_SLOT));
        }
    }

    /** Interrupts the dispatcher's own threads and lets them end; a supplied executor is left alone. */
    void shutdown() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
