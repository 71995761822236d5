package dev.livetools.samples.home.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livetools.samples.home.model.DeviceState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {

    @TempDir
    Path dir;

    @Test
    void whatIsSavedIsLoaded() throws IOException {
        StateFile file = new StateFile(dir.resolve("state.json"));
        Map<String, DeviceState> states = Map.of("lamp", DeviceState.light(true, 40, null, "#ff0000"),
                "blind", DeviceState.cover(30), "heat", DeviceState.thermostat(19.5, 21.0));

        file.save(states);

        assertThat(new StateFile(dir.resolve("state.json")).load()).isEqualTo(states);
    }

    @Test
    void aMissingFileIsAnEmptyState() {
        assertThat(new StateFile(dir.resolve("none.json")).load()).isEmpty();
    }

    @Test
    void missingDirectoriesAreCreated() throws IOException {
        StateFile file = new StateFile(dir.resolve("a/b/state.json"));

        file.save(Map.of("blind", DeviceState.cover(0)));

        assertThat(file.load()).containsKey("blind");
    }

    @Test
    void anotherVersionIsRefused() throws IOException {
        Path path = dir.resolve("state.json");
        Files.writeString(path, "{\"version\": 2, \"devices\": {}}");

        assertThatThrownBy(() -> new StateFile(path).load())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("home state file " + path + " has version 2; this plugin reads version 1");
    }

    @Test
    void aFailedSaveLeavesThePreviousStateIntact() throws IOException {
        Path path = dir.resolve("state.json");
        StateFile file = new StateFile(path);
        file.save(Map.of("blind", DeviceState.cover(30)));
        // A directory where the temporary file should go makes the write fail part-way, like a full disk.
        Path blocker = dir.resolve("blocked");
        Files.createDirectory(blocker);
        StateFile blocked = new StateFile(blocker.resolve("state.json"));
        Files.createDirectory(blocker.resolve("state.json"));
        Files.writeString(blocker.resolve("state.json").resolve("keep"), "x");

        assertThatThrownBy(() -> blocked.save(Map.of("blind", DeviceState.cover(60)))).isInstanceOf(IOException.class);
        assertThat(file.load()).containsEntry("blind", DeviceState.cover(30));
        try (var files = Files.list(blocker)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("state.json");
        }
    }

    @Test
    @Timeout(20)
    void aReaderNeverSeesAHalfWrittenFile() throws Exception {
        Path path = dir.resolve("state.json");
        StateFile file = new StateFile(path);
        file.save(Map.of("blind", DeviceState.cover(0)));
        AtomicBoolean done = new AtomicBoolean();
        List<String> torn = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try {
                    Map<String, DeviceState> read = new StateFile(path).load();
                    if (read.size() != 1) {
                        torn.add(read.toString());
                    }
                } catch (RuntimeException e) {
                    torn.add(e.getMessage());
                }
            }
        });
        reader.start();
        try {
            for (int i = 0; i <= 100; i++) {
                file.save(Map.of("blind", DeviceState.cover(i)));
            }
        } finally {
            done.set(true);
            reader.join();
        }

        assertThat(torn).isEmpty();
        assertThat(file.load()).containsEntry("blind", DeviceState.cover(100));
    }
}
