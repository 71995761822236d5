package dev.livetools.samples.home;

import dev.livetools.samples.home.backend.SimulatedBackend;
import dev.livetools.samples.home.model.Home;
import dev.livetools.samples.home.model.HomeDescription;
import dev.livetools.samples.home.timers.TimerBoard;
import java.time.Instant;
import java.time.ZoneId;

/** The bundled sample home in memory, on manual time: what most tool tests run against. */
final class TestHome {

    static final Home HOME = HomeDescription.loadDefault();
    /** 2026-03-14 09:00 in the home's zone. */
    static final Instant START = Instant.parse("2026-03-14T09:00:00Z");

    final ManualTime time = new ManualTime(START, ZoneId.of("UTC"));
    final HomeTools tools;

    TestHome() {
        Home home = withUtc(HOME);
        tools = new HomeTools(home, SimulatedBackend.inMemory(home), new TimerBoard(time, time));
    }

    private static Home withUtc(Home h) {
        return new Home(h.name(), h.unit(), ZoneId.of("UTC"), h.rooms(), h.devices(), h.scenes(),
                h.devices().stream().collect(java.util.stream.Collectors.toMap(d -> d.id(), h::initialState)));
    }
}
