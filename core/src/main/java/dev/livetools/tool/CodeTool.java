package dev.livetools.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.protocol.FunctionDeclaration;
import dev.livetools.sdk.Scheduling;
import dev.livetools.sdk.ToolContext;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** A tool built in code: {@link HostedTool#of}. */
record CodeTool(FunctionDeclaration declaration, HostedTool.Handler handler, Duration ownTimeout,
                Scheduling scheduling) implements HostedTool {

    CodeTool {
        Objects.requireNonNull(declaration, "declaration");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(scheduling, "scheduling");
        if (ownTimeout != null && (ownTimeout.isZero() || ownTimeout.isNegative())) {
            throw new IllegalArgumentException(declaration.name() + ": timeout must be positive: " + ownTimeout);
        }
    }

    @Override
    public Object call(ObjectNode args, ToolContext context) throws Exception {
        return handler.call(args, context);
    }

    @Override
    public Optional<Duration> timeout() {
        return Optional.ofNullable(ownTimeout);
    }
}
