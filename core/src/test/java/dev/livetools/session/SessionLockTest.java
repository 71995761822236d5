package dev.livetools.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The session's one lock: work deferred under it runs after the outermost release, in order, never under it. */
@Timeout(10)
class SessionLockTest {

    private final SessionLock lock = new SessionLock();
    private final List<String> log = new CopyOnWriteArrayList<>();

    /** Whether the calling thread holds the lock: afterUnlock refuses to be called without it. */
    private boolean holdsLock() {
        try {
            lock.afterUnlock(() -> { });
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @Test
    void deferredWorkRunsAfterTheLockIsReleasedInTheOrderItWasDeferred() {
        lock.run(() -> {
            lock.afterUnlock(() -> log.add("first, held: " + holdsLock()));
            lock.afterUnlock(() -> log.add("second, held: " + holdsLock()));
            log.add("body");
        });

        assertThat(log).containsExactly("body", "first, held: false", "second, held: false");
    }

    @Test
    void workDeferredInANestedSectionWaitsForTheOutermostRelease() {
        lock.run(() -> {
            lock.run(() -> lock.afterUnlock(() -> log.add("deferred")));
            log.add("inner section done");
        });

        assertThat(log).containsExactly("inner section done", "deferred");
    }

    @Test
    void callReturnsTheBodysResult() {
        assertThat(lock.call(() -> "result")).isEqualTo("result");
    }

    @Test
    void deferringWithoutTheLockIsRefused() {
        assertThatThrownBy(() -> lock.afterUnlock(() -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessage("afterUnlock outside the session lock");
    }

    @Test
    void workIsDeferredOnceAndASecondSectionStartsEmpty() {
        lock.run(() -> lock.afterUnlock(() -> log.add("once")));
        lock.run(() -> log.add("second section"));

        assertThat(log).containsExactly("once", "second section");
    }

    @Test
    void aBodyThatThrowsReleasesTheLock() throws Exception {
        assertThatThrownBy(() -> lock.run(() -> {
            throw new IllegalStateException("closed");
        })).hasMessage("closed");

        Thread other = new Thread(() -> lock.run(() -> log.add("other thread got the lock")));
        other.start();
        other.join(5_000);
        assertThat(log).containsExactly("other thread got the lock");
    }

    @Test
    void workDeferredBeforeTheBodyThrewStillRuns() {
        assertThatThrownBy(() -> lock.run(() -> {
            lock.afterUnlock(() -> log.add("dispatched, held: " + holdsLock()));
            throw new IllegalStateException("a bug later in the same section");
        })).hasMessage("a bug later in the same section");

        assertThat(log).containsExactly("dispatched, held: false");
        lock.run(() -> log.add("next section"));
        assertThat(log).as("and only once").containsExactly("dispatched, held: false", "next section");
    }
}
