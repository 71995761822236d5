package dev.livetools.dispatch;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Threads for tool calls. On Java 21+ every call gets its own virtual thread, found by reflection because the code is
 * compiled for 17: a blocked tool then costs almost nothing. On 17 platform threads, started on demand and stopped
 * when idle. Either way the {@link FifoLimiter} in front bounds how many calls run at once; the threads themselves
 * are not bounded, so that a stuck method (one that ignores interrupts) costs a thread but never a later call's turn.
 */
final class ToolThreads {

    private static final Method NEW_THREAD_PER_TASK = findThreadPerTask();
    private static final AtomicLong POOLS = new AtomicLong();

    private ToolThreads() {
    }

    /** A virtual-thread-per-call executor, or {@code null} on a JVM without virtual threads. */
    static ExecutorService virtualPerCall() {
        ThreadFactory factory = virtualFactory();
        if (factory == null || NEW_THREAD_PER_TASK == null) {
            return null;
        }
        try {
            return (ExecutorService) NEW_THREAD_PER_TASK.invoke(null, factory);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** A pool of daemon threads, one per running task, whose idle threads stop after 30 s. */
    static ExecutorService platformPool() {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemonFactory("livetools-tool-" + POOLS.incrementAndGet() + "-"));
    }

    private static ThreadFactory daemonFactory(String prefix) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static ThreadFactory virtualFactory() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            builder = builderType.getMethod("name", String.class, long.class).invoke(builder, "livetools-vtool-", 1L);
            return (ThreadFactory) builderType.getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Method findThreadPerTask() {
        try {
            return Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
