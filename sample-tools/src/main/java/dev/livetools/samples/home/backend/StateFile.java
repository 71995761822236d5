package dev.livetools.samples.home.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.livetools.samples.home.model.DeviceState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The simulated home's state on disk. Every save writes a temporary file beside the real one, forces it to disk and
 * renames it over the old file atomically, so a crash or power cut leaves either the old state or the new one, never
 * a torn file.
 */
public final class StateFile {

    static final int VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path path;

    public StateFile(Path path) {
        this.path = Objects.requireNonNull(path, "path").toAbsolutePath();
    }

    /** Where the state lives. */
    public Path path() {
        return path;
    }

    /**
     * The saved state of each device by id; empty when nothing was saved yet.
     *
     * @throws IllegalStateException naming the file when it exists but cannot be read or parsed
     */
    public Map<String, DeviceState> load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read home state file " + path + ": " + e.getMessage(), e);
        }
        Snapshot snapshot;
        try {
            snapshot = JSON.readValue(bytes, Snapshot.class);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new IllegalStateException("home state file " + path + " is not valid JSON (" + reason
                    + "); fix or delete it to start from the home description", e);
        }
        if (snapshot == null || snapshot.devices() == null) {
            throw new IllegalStateException("home state file " + path + " has no \"devices\"; fix or delete it");
        }
        if (snapshot.version() != VERSION) {
            throw new IllegalStateException("home state file " + path + " has version " + snapshot.version()
                    + "; this plugin reads version " + VERSION);
        }
        return Map.copyOf(snapshot.devices());
    }

    /**
     * Replaces the saved state atomically.
     *
     * @throws IOException when it cannot be written; the previous state is then left as it was
     */
    public void save(Map<String, DeviceState> states) throws IOException {
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(new Snapshot(VERSION, new TreeMap<>(states)));
        Path dir = path.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + path.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory, and those need not. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort: the file itself is already complete and in place.
        }
    }

    record Snapshot(int version, Map<String, DeviceState> devices) {
    }
}
