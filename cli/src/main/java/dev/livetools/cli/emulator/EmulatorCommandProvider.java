package dev.livetools.cli.emulator;

import dev.livetools.cli.CliCommandProvider;

/** Registers {@code livetools emulator}. */
public final class EmulatorCommandProvider implements CliCommandProvider {

    @Override
    public Object command() {
        return new EmulatorCommand();
    }
}
