package dev.livetools.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hand-over between a dispatcher and the shared deadline watch: a busy dispatcher is in the watch's list once,
 * however many calls it makes (each would otherwise add another entry the watch ticks through, a hundred times a
 * second, for as long as the dispatcher stays busy), and can be enlisted again once the watch has let it go.
 */
@Timeout(10)
class InFlightEnlistTest {

    @Test
    void aDispatcherAlreadyWatchedIsNotHandedToTheWatchAgain() {
        InFlight flights = new InFlight(null, "", 1024);

        assertThat(flights.enlist()).as("first call: hand it over").isTrue();
        assertThat(flights.enlist()).as("second call while watched").isFalse();
        assertThat(flights.enlist()).as("third call while watched").isFalse();
    }

    @Test
    void aDispatcherTheWatchLetGoOfIsEnlistedAgainByItsNextCall() {
        InFlight flights = new InFlight(null, "", 1024);
        assertThat(flights.enlist()).isTrue();

        assertThat(flights.stayWatched()).as("nothing in flight: the watch lets go").isFalse();

        assertThat(flights.enlist()).isTrue();
    }
}
