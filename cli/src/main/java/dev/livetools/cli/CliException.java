package dev.livetools.cli;

/**
 * A usage or configuration error found while a command runs (a missing folder, a bad flag combination, tools that
 * cannot be declared). {@link LiveToolsCli} prints its message to stderr and exits with status 2, without a stack
 * trace: the message must say what is wrong and what would work.
 */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
