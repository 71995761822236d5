package dev.livetools.audio;

import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Sound devices that exist only in memory: a speaker that records what it is given, a microphone that plays a tone. */
final class FakeLines {

    private FakeLines() {
    }

    /** A playback line that keeps everything written to it, paced like a device (write blocks for its duration). */
    static final class Speaker {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final AtomicInteger flushes = new AtomicInteger();
        final AtomicLong writtenAtFlush = new AtomicLong(-1);
        final PcmFormat format;
        final SourceDataLine line;

        Speaker(PcmFormat format) {
            this.format = format;
            this.line = (SourceDataLine) Proxy.newProxyInstance(FakeLines.class.getClassLoader(),
                    new Class<?>[]{SourceDataLine.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "write" -> {
                            int n = (Integer) args[2];
                            synchronized (written) {
                                written.write((byte[]) args[0], (Integer) args[1], n);
                            }
                            try {
                                Thread.sleep(Math.max(1, format.durationOf(n).toMillis()));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt(); // closing: a real line returns early too
                            }
                            yield n;
                        }
                        case "flush" -> {
                            synchronized (written) {
                                writtenAtFlush.compareAndSet(-1, written.size());
                            }
                            flushes.incrementAndGet();
                            yield null;
                        }
                        case "getLongFramePosition" -> {
                            synchronized (written) {
                                yield (long) (written.size() / format.frameSize());
                            }
                        }
                        case "isOpen", "isActive", "isRunning" -> true;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "fake speaker";
                        default -> null;
                    });
        }

        byte[] bytes() {
            synchronized (written) {
                return written.toByteArray();
            }
        }
    }

    /** A capture line delivering a tone in {@code format}, paced like a device. */
    static TargetDataLine microphone(PcmFormat format, double hz) {
        byte[] tone = Signals.tone(format, hz, 0.5, 10.0);
        AtomicInteger at = new AtomicInteger();
        return (TargetDataLine) Proxy.newProxyInstance(FakeLines.class.getClassLoader(),
                new Class<?>[]{TargetDataLine.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "read" -> {
                        byte[] dst = (byte[]) args[0];
                        int n = Math.min((Integer) args[2], tone.length - at.get());
                        System.arraycopy(tone, at.getAndAdd(n), dst, (Integer) args[1], n);
                        yield n;
                    }
                    case "isOpen" -> true;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "fake microphone";
                    default -> null;
                });
    }
}
