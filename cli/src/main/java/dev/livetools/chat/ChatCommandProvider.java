package dev.livetools.chat;

import dev.livetools.cli.CliCommandProvider;

/** Registers {@code livetools chat} (see {@code META-INF/services/dev.livetools.cli.CliCommandProvider}). */
public final class ChatCommandProvider implements CliCommandProvider {

    @Override
    public Object command() {
        return new ChatCommand();
    }
}
