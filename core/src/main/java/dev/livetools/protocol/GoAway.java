package dev.livetools.protocol;

import java.time.Duration;

/**
 * Server message {@code goAway}: the server will close this connection after {@code timeLeft} ({@code "50s"} on the
 * wire; {@code null} if the server did not say). Reconnect with the latest resumption handle before then.
 */
public record GoAway(Duration timeLeft) {
}
