package dev.livetools.cli.emulator;

import dev.livetools.cli.CliCommandProvider;

/** Registers {@code livetools demo}. */
public final class DemoCommandProvider implements CliCommandProvider {

    @Override
    public Object command() {
        return new DemoCommand();
    }
}
