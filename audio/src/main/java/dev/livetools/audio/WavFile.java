package dev.livetools.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * The samples of a WAV file: RIFF {@code WAVE} with PCM (8-bit unsigned, 16/24/32-bit signed), IEEE float (32/64-bit)
 * or {@code WAVE_FORMAT_EXTENSIBLE} carrying either, any rate and channel count. Chunks other than {@code fmt } and
 * {@code data} ({@code LIST}, {@code fact}, ...) are skipped; a {@code data} size that overruns the file (a WAV
 * streamed by {@code sox -} or {@code espeak-ng --stdout}) is taken to mean "up to the end".
 *
 * @param format the samples' layout
 * @param data   the sample bytes, whole frames only
 */
public record WavFile(PcmFormat format, byte[] data) {

    private static final int WAVE_FORMAT_PCM = 1;
    private static final int WAVE_FORMAT_IEEE_FLOAT = 3;
    private static final int WAVE_FORMAT_EXTENSIBLE = 0xFFFE;

    public WavFile {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(data, "data");
        if (data.length % format.frameSize() != 0) {
            data = Arrays.copyOf(data, data.length - data.length % format.frameSize());
        }
    }

    public Duration duration() {
        return format.durationOf(data.length);
    }

    /**
     * Reads a WAV file.
     *
     * @throws AudioFormatException naming the file and what is wrong with it (not RIFF/WAVE, an unsupported
     *                              encoding, no {@code data} chunk)
     * @throws IOException          when it cannot be read
     */
    public static WavFile read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new AudioFormatException(file + ": no such file");
        }
        return parse(bytes, file.toString());
    }

    /** Parses WAV bytes; {@code name} says which file in error messages. */
    public static WavFile parse(byte[] bytes, String name) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || !tag(bytes, 0, "RIFF") || !tag(bytes, 8, "WAVE")) {
            throw new AudioFormatException(name + ": not a WAV file (no RIFF/WAVE header)");
        }
        PcmFormat format = null;
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            String id = new String(bytes, pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
            long size = b.getInt(pos + 4) & 0xffffffffL;
            int body = pos + 8;
            if (id.equals("fmt ")) {
                format = parseFormat(b, body, (int) Math.min(size, bytes.length - body), name);
            } else if (id.equals("data")) {
                if (format == null) {
                    throw new AudioFormatException(name + ": the data chunk comes before the fmt chunk");
                }
                int end = (int) Math.min(bytes.length, body + size);
                return new WavFile(format, Arrays.copyOfRange(bytes, body, end));
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1)); // chunks are padded to even sizes
        }
        throw new AudioFormatException(name + ": " + (format == null ? "no fmt chunk" : "no data chunk"));
    }

    private static PcmFormat parseFormat(ByteBuffer b, int at, int size, String name) {
        if (size < 16) {
            throw new AudioFormatException(name + ": fmt chunk too short (" + size + " bytes)");
        }
        int tag = b.getShort(at) & 0xffff;
        int channels = b.getShort(at + 2) & 0xffff;
        int rate = b.getInt(at + 4);
        int bits = b.getShort(at + 14) & 0xffff;
        if (tag == WAVE_FORMAT_EXTENSIBLE) {
            if (size < 40) {
                throw new AudioFormatException(name + ": WAVE_FORMAT_EXTENSIBLE fmt chunk too short");
            }
            tag = b.getShort(at + 24) & 0xffff; // first two bytes of the sub-format GUID
        }
        PcmFormat.Encoding encoding;
        if (tag == WAVE_FORMAT_PCM) {
            encoding = bits == 8 ? PcmFormat.Encoding.UNSIGNED : PcmFormat.Encoding.SIGNED;
        } else if (tag == WAVE_FORMAT_IEEE_FLOAT) {
            encoding = PcmFormat.Encoding.FLOAT;
        } else {
            throw new AudioFormatException(name + ": unsupported WAV encoding 0x" + Integer.toHexString(tag)
                    + " (only PCM and IEEE float; convert it first, e.g. sox in.wav -e signed -b 16 out.wav)");
        }
        try {
            return new PcmFormat(rate, channels, bits, encoding, false);
        } catch (IllegalArgumentException e) {
            throw new AudioFormatException(name + ": " + e.getMessage());
        }
    }

    private static boolean tag(byte[] bytes, int at, String tag) {
        for (int i = 0; i < 4; i++) {
            if (bytes[at + i] != tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
