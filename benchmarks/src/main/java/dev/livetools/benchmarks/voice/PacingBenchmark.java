package dev.livetools.benchmarks.voice;

import dev.livetools.audio.AudioClock;
import dev.livetools.audio.PcmFormat;
import dev.livetools.audio.WavFile;
import dev.livetools.audio.WavFileInput;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Pacing of the user's audio: the interval between chunks of a {@link WavFileInput} (20 ms of 16 kHz audio each) on
 * the real clock ({@link #pacedChunk}), against a bare {@code parkNanos} loop on the same absolute 20 ms schedule
 * ({@link #parkFloor}). Both follow an absolute schedule, so a late chunk is followed by a short interval and the
 * stream never drifts; the percentiles show how late chunks are. See docs/performance.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PacingBenchmark {

    private WavFileInput input;
    private long next;

    @Setup(Level.Iteration)
    public void open() {
        // ten minutes of silence: more than an iteration reads
        input = WavFileInput.of(new WavFile(PcmFormat.LIVE_INPUT, new byte[16_000 * 2 * 600]), "silence",
                Duration.ofMillis(20), AudioClock.system());
        next = System.nanoTime();
    }

    @Benchmark
    public byte[] pacedChunk() throws Exception {
        return input.nextChunk();
    }

    @Benchmark
    public long parkFloor() {
        next += 20_000_000L;
        long left;
        while ((left = next - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
        return next;
    }
}
