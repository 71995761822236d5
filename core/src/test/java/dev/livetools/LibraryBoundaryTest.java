package dev.livetools;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** core is a library: the command line (picocli) lives in the cli module and is not on core's class path. */
class LibraryBoundaryTest {

    @Test
    void picocliIsNotOnCoresClassPath() {
        assertThatThrownBy(() -> Class.forName("picocli.CommandLine"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
