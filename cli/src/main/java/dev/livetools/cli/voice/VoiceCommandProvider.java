package dev.livetools.cli.voice;

import dev.livetools.cli.CliCommandProvider;

/** Registers {@code livetools voice} (see {@code META-INF/services/dev.livetools.cli.CliCommandProvider}). */
public final class VoiceCommandProvider implements CliCommandProvider {

    @Override
    public Object command() {
        return new VoiceCommand();
    }
}
