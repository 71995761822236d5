package dev.livetools.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** testkit is the emulator and JUnit support: the commands that run them (picocli) live in the cli module. */
class LibraryBoundaryTest {

    @Test
    void picocliIsNotOnTheTestkitsClassPath() {
        assertThatThrownBy(() -> Class.forName("picocli.CommandLine"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
