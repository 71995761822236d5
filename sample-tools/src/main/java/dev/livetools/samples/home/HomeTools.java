package dev.livetools.samples.home;

import dev.livetools.samples.home.backend.HomeBackend;
import dev.livetools.samples.home.backend.HomeBackend.Change;
import dev.livetools.samples.home.backend.HomeBackend.Outcome;
import dev.livetools.samples.home.model.Colour;
import dev.livetools.samples.home.model.Device;
import dev.livetools.samples.home.model.DeviceState;
import dev.livetools.samples.home.model.DeviceType;
import dev.livetools.samples.home.model.Home;
import dev.livetools.samples.home.model.NameResolver;
import dev.livetools.samples.home.model.NameResolver.Selection;
import dev.livetools.samples.home.model.Numbers;
import dev.livetools.samples.home.model.Room;
import dev.livetools.samples.home.model.Scene;
import dev.livetools.samples.home.model.Settings;
import dev.livetools.samples.home.model.TemperatureUnit;
import dev.livetools.samples.home.timers.Countdown;
import dev.livetools.samples.home.timers.ExecutorScheduler;
import dev.livetools.samples.home.timers.SpokenDuration;
import dev.livetools.samples.home.timers.TimerBoard;
import dev.livetools.sdk.Behavior;
import dev.livetools.sdk.LiveTool;
import dev.livetools.sdk.Param;
import dev.livetools.sdk.Scheduling;
import dev.livetools.sdk.ToolContext;
import dev.livetools.sdk.ToolException;
import dev.livetools.sdk.ToolResult;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Home-automation tools for a Live voice session: lights, thermostats, blinds, scenes, timers and reminders, and a
 * status summary. Every result reads the devices back; every error says what would work.
 *
 * <p>The host creates this class through its public no-argument constructor, which reads {@link HomeConfig} from
 * system properties, environment variables or a properties file: the bundled simulated home by default, or real
 * devices through Zigbee2MQTT.
 */
public final class HomeTools implements AutoCloseable {

    private static final Pattern TIME_OF_DAY = Pattern.compile(
            "(\\d{1,2})(?:[:.h](\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final Home home;
    private final NameResolver names;
    private final HomeBackend backend;
    private final TimerBoard timers;

    /**
     * The tools for the home configured by system properties and environment variables (see {@link HomeConfig}).
     *
     * @throws IllegalArgumentException if the configuration or the home description is wrong, naming what
     * @throws IllegalStateException if the state file cannot be read
     */
    public HomeTools() {
        this(HomeConfig.fromEnvironment());
    }

    /** The tools for the home {@code config} describes. */
    public HomeTools(HomeConfig config) {
        this(config, config.loadHome());
    }

    private HomeTools(HomeConfig config, Home home) {
        this(home, config.openBackend(home), new TimerBoard(Clock.system(home.zone()), new ExecutorScheduler()));
    }

    HomeTools(Home home, HomeBackend backend, TimerBoard timers) {
        this.home = Objects.requireNonNull(home, "home");
        this.names = new NameResolver(home);
        this.backend = Objects.requireNonNull(backend, "backend");
        this.timers = Objects.requireNonNull(timers, "timers");
    }

    @LiveTool(description = "Lists the home's rooms, each device in them (lights, thermostats, blinds, sensors) with "
            + "what it can do, and the scenes. Call it to learn the valid names before guessing.", timeout = "5s")
    public Map<String, Object> listDevices(
            @Param(description = "Only this room, e.g. 'kitchen'; leave out for the whole home", required = false)
            String room) {
        List<Room> rooms = room == null || room.isBlank() ? home.rooms() : List.of(names.room(room));
        List<Object> roomList = new ArrayList<>();
        for (Room r : rooms) {
            List<Object> devices = new ArrayList<>();
            for (Device d : home.devicesIn(r)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", d.name());
                m.put("type", d.type().word());
                m.put("can", Reports.capabilities(d));
                devices.add(m);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("room", r.name());
            if (!r.aliases().isEmpty()) {
                m.put("alsoCalled", r.aliases());
            }
            m.put("devices", devices);
            roomList.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("home", home.name());
        out.put("rooms", roomList);
        out.put("scenes", home.scenes().stream().map(Scene::name).toList());
        out.put("temperatureUnit", unitWord(home.unit()));
        return out;
    }

    @LiveTool(description = "Reports the whole home at a glance: which lights are on, temperatures and thermostat "
            + "set points, blind positions, and running timers and reminders. Use it for 'what's on right now?'.",
            timeout = "15s")
    public Map<String, Object> homeStatus() {
        List<Device> devices = home.devices();
        List<DeviceState> states = backend.read(devices);
        TemperatureUnit unit = home.unit();
        List<Object> lights = new ArrayList<>();
        List<Object> climate = new ArrayList<>();
        List<Object> covers = new ArrayList<>();
        List<String> lightsOn = new ArrayList<>();
        List<String> other = new ArrayList<>();
        int lightCount = 0;
        for (int i = 0; i < devices.size(); i++) {
            Device d = devices.get(i);
            DeviceState s = states.get(i);
            Map<String, Object> view = Reports.state(d, s, unit);
            switch (d.type()) {
                case LIGHT -> {
                    lights.add(view);
                    lightCount++;
                    if (Boolean.TRUE.equals(s.on()) || !s.reported()) {
                        lightsOn.add(Reports.say(d, s, unit));
                    }
                }
                case THERMOSTAT, SENSOR -> {
                    climate.add(view);
                    other.add(Reports.say(d, s, unit));
                }
                case COVER -> {
                    covers.add(view);
                    other.add(Reports.say(d, s, unit));
                }
            }
        }
        List<Countdown> running = timers.running();
        StringBuilder summary = new StringBuilder();
        summary.append(lightsOn.isEmpty() ? "All " + lightCount + " lights are off."
                : lightsOn.size() + " of " + lightCount + " lights on: " + String.join("; ", lightsOn) + ".");
        if (!other.isEmpty()) {
            summary.append(' ').append(capitalise(String.join("; ", other))).append('.');
        }
        summary.append(running.isEmpty() ? " No timers or reminders running."
                : " Running: " + String.join("; ", running.stream().map(this::sayCountdown).toList()) + ".");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("summary", summary.toString());
        out.put("lights", lights);
        out.put("climate", climate);
        out.put("covers", covers);
        out.put("timers", running.stream().map(this::countdownView).toList());
        out.put("backend", backend.describe());
        return out;
    }

    @LiveTool(description = "Switches, dims or colours lights and returns each light's state afterwards. Target a "
            + "room ('kitchen'), a light ('floor lamp'), a plural ('ceiling lights') or 'all'. Brightness above 0 or a "
            + "colour also switches a light on; brightness 0 switches it off. Give either color or colorTemperature.",
            timeout = "15s")
    public Map<String, Object> setLight(
            @Param(description = "Room, light name or 'all', e.g. 'kitchen', 'floor lamp', 'bedroom lights'")
            @NotBlank String name,
            @Param(description = "true to switch on, false to switch off", required = false)
            Boolean on,
            @Param(description = "Brightness in percent, 0-100", required = false)
            @Min(0) @Max(100) Integer brightness,
            @Param(description = "White colour temperature in Kelvin: 2200 candlelight, 2700 warm white, "
                    + "4000 neutral, 6500 daylight", required = false)
            @Min(1000) @Max(10000) Integer colorTemperature,
            @Param(description = "A colour name (red, orange, yellow, green, cyan, blue, purple, magenta, pink, "
                    + "warm white, white, cool white, daylight) or a hex code like #ff8800", required = false)
            String color) {
        Settings change = lightChange(on, brightness, colorTemperature, color);
        Selection selection = names.devices(name, DeviceType.LIGHT);
        List<String> notes = new ArrayList<>();
        List<Change> changes = plan(selection, change, notes, "light");
        Map<String, Object> out = new LinkedHashMap<>();
        List<Outcome> outcomes = carryOut(changes);
        out.put("lights", views(outcomes));
        putSummary(out, outcomes, notes);
        return out;
    }

    @LiveTool(description = "Sets a thermostat's target temperature and returns the set point and the current "
            + "temperature. Celsius set points run 5-30, Fahrenheit 41-86.", timeout = "15s")
    public Map<String, Object> setThermostat(
            @Param(description = "The target temperature, e.g. 21 (Celsius) or 70 (Fahrenheit)")
            double temperature,
            @Param(description = "Room or thermostat, e.g. 'living room'; may be left out when the home has one "
                    + "thermostat; 'all' sets every thermostat", required = false)
            String room,
            @Param(description = "CELSIUS or FAHRENHEIT; leave out for the home's usual unit", required = false)
            TemperatureUnit unit) {
        TemperatureUnit u = unit == null ? home.unit() : unit;
        Selection selection = thermostats(room);
        List<Change> changes = new ArrayList<>();
        for (Device d : selection.devices()) {
            checkSetpoint(d, temperature, u);
            double celsius = Math.round(u.toCelsius(temperature) * 10) / 10.0;
            changes.add(new Change(d, Settings.setpoint(celsius)));
        }
        List<Outcome> outcomes = carryOut(changes);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("thermostats", views(outcomes, u));
        putSummary(out, outcomes, List.of(), u, "");
        return out;
    }

    @LiveTool(description = "Reads the current temperature from the thermostats and temperature sensors of one room, "
            + "or of every room.", timeout = "15s")
    public Map<String, Object> getTemperature(
            @Param(description = "Room or device, e.g. 'bedroom', 'garden'; leave out for every room",
                    required = false)
            String room,
            @Param(description = "CELSIUS or FAHRENHEIT; leave out for the home's usual unit", required = false)
            TemperatureUnit unit) {
        TemperatureUnit u = unit == null ? home.unit() : unit;
        EnumSet<DeviceType> types = EnumSet.of(DeviceType.THERMOSTAT, DeviceType.SENSOR);
        List<Device> devices = room == null || room.isBlank()
                ? home.devices().stream().filter(d -> types.contains(d.type())).toList()
                : names.devices(room, types).devices();
        if (devices.isEmpty()) {
            throw new ToolException("This home has no thermostats or temperature sensors.");
        }
        List<DeviceState> states = backend.read(devices);
        List<Object> readings = new ArrayList<>();
        List<String> said = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            Device d = devices.get(i);
            DeviceState s = states.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.name());
            m.put("room", d.room());
            if (s.temperature() == null) {
                m.put("temperature", "no reading yet");
            } else {
                m.put("temperature", u.fromCelsius(s.temperature()));
            }
            m.put("unit", unitWord(u));
            readings.add(m);
            said.add(capitalise(d.room()) + ": " + Reports.temperature(s.temperature(), u)
                    + (d.type() == DeviceType.SENSOR || home.devicesIn(room(d)).stream()
                    .filter(x -> types.contains(x.type())).count() == 1 ? "" : " (" + d.name() + ")"));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("readings", readings);
        out.put("summary", String.join(". ", said) + ".");
        return out;
    }

    @LiveTool(description = "Opens, closes or stops blinds and covers, or moves them to a position, and returns "
            + "each one's position afterwards. Give either action or position.", timeout = "15s")
    public Map<String, Object> setCover(
            @Param(description = "Room, blind name or 'all', e.g. 'bedroom', 'living room blinds'")
            @NotBlank String name,
            @Param(description = "OPEN, CLOSE or STOP", required = false)
            CoverAction action,
            @Param(description = "Position in percent: 0 closed, 100 fully open", required = false)
            @Min(0) @Max(100) Integer position) {
        if ((action == null) == (position == null)) {
            throw new ToolException(action == null
                    ? "Say what to do: action OPEN, CLOSE or STOP, or a position from 0 (closed) to 100 (open)."
                    : "Give either an action or a position, not both.");
        }
        Settings change = position != null ? Settings.position(position) : switch (action) {
            case OPEN -> Settings.position(100);
            case CLOSE -> Settings.position(0);
            case STOP -> Settings.stopCover();
        };
        Selection selection = names.devices(name, DeviceType.COVER);
        List<String> notes = new ArrayList<>();
        List<Change> changes = plan(selection, change, notes, "blind");
        List<Outcome> outcomes = carryOut(changes);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("covers", views(outcomes));
        putSummary(out, outcomes, notes);
        return out;
    }

    @LiveTool(description = "Activates a scene, which sets several devices at once (e.g. 'movie night' dims the "
            + "living room and closes the blinds), and returns every device's state afterwards.", timeout = "15s")
    public Map<String, Object> activateScene(
            @Param(description = "The scene, e.g. 'movie night', 'good night'") @NotBlank String name) {
        Scene scene = names.scene(name);
        List<Change> changes = scene.steps().stream().map(s -> new Change(s.device(), s.settings())).toList();
        List<Outcome> outcomes = carryOut(changes);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scene", scene.name());
        out.put("devices", views(outcomes));
        putSummary(out, outcomes, List.of(), home.unit(), capitalise(scene.name()) + " is set: ");
        return out;
    }

    @LiveTool(description = "Starts a countdown timer. It answers at once that the timer started, and again when it "
            + "rings, so tell the user then. Cancel it with cancelTimer.", behavior = Behavior.NON_BLOCKING,
            scheduling = Scheduling.WHEN_IDLE, timeout = "25h")
    public ToolResult startTimer(
            @Param(description = "Length in seconds, e.g. 600 for ten minutes; at most 86400 (24 hours)")
            @Min(1) @Max(86400) int seconds,
            @Param(description = "A name to cancel it by, e.g. 'pasta'; leave out to name it by its length",
                    required = false)
            @Size(max = 60) String label,
            ToolContext context) {
        Countdown countdown = timers.start(TimerBoard.Kind.TIMER, label, null, Duration.ofSeconds(seconds));
        context.onCancel(() -> timers.cancel(countdown));
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("status", "started");
        started.put("label", countdown.label());
        started.put("duration", SpokenDuration.of(countdown.length()));
        started.put("ringsAt", localTime(countdown, HH_MM_SS));
        context.sendPartial(started);
        return awaitEnd(countdown, () -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", "done");
            m.put("label", countdown.label());
            m.put("message", "The " + countdown.label() + (countdown.label().endsWith("timer") ? "" : " timer")
                    + " is done (" + SpokenDuration.of(countdown.length()) + ").");
            return m;
        });
    }

    @LiveTool(description = "Sets a reminder for later today or tomorrow. It answers at once that it is scheduled, "
            + "and again when it is due, with the message to tell the user. Give inMinutes or at.",
            behavior = Behavior.NON_BLOCKING, scheduling = Scheduling.WHEN_IDLE, timeout = "25h")
    public ToolResult setReminder(
            @Param(description = "What to remind the user of, e.g. 'take the bins out'") @NotBlank @Size(max = 200)
            String message,
            @Param(description = "Minutes from now, 1-1440", required = false)
            @Min(1) @Max(1440) Integer inMinutes,
            @Param(description = "Local time of day, e.g. '18:30' or '6:30 pm'; the next time it comes round",
                    required = false)
            String at,
            ToolContext context) {
        Duration delay = reminderDelay(inMinutes, at);
        Countdown countdown = timers.start(TimerBoard.Kind.REMINDER, message.trim(), message.trim(), delay);
        context.onCancel(() -> timers.cancel(countdown));
        Map<String, Object> scheduled = new LinkedHashMap<>();
        scheduled.put("status", "scheduled");
        scheduled.put("message", countdown.message());
        scheduled.put("at", localTime(countdown, HH_MM));
        scheduled.put("in", SpokenDuration.of(countdown.length()));
        context.sendPartial(scheduled);
        return awaitEnd(countdown, () -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", "due");
            m.put("message", countdown.message());
            m.put("scheduledFor", localTime(countdown, HH_MM));
            return m;
        });
    }

    @LiveTool(description = "Cancels a running timer or reminder by its label (e.g. 'pasta'), or the only one "
            + "running when no label is given.", timeout = "5s")
    public Map<String, Object> cancelTimer(
            @Param(description = "The timer's label or the reminder's text; leave out when only one is running",
                    required = false)
            String label) {
        Countdown cancelled = timers.cancel(label);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "cancelled");
        out.put("kind", cancelled.kind().word());
        out.put("label", cancelled.label());
        out.put("hadLeft", SpokenDuration.of(cancelled.remaining(timers.clock())));
        out.put("stillRunning", timers.running().stream().map(this::sayCountdown).toList());
        return out;
    }

    /** Cancels the running timers and releases the backend (an MQTT connection, for one). */
    @Override
    public void close() {
        timers.close();
        backend.close();
    }

    private Settings lightChange(Boolean on, Integer brightness, Integer colorTemperature, String color) {
        Integer kelvin = colorTemperature;
        String hex = null;
        if (color != null && !color.isBlank()) {
            Colour colour = Colour.parse(color);
            if (colour.isWhite() && kelvin != null) {
                throw new ToolException("'" + color + "' is itself a colour temperature (" + colour.kelvin()
                        + " K); give either color or colorTemperature, not both.");
            }
            if (colour.isWhite()) {
                kelvin = colour.kelvin();
            } else {
                hex = colour.hex();
            }
        }
        if (kelvin != null && hex != null) {
            throw new ToolException("A light shows either a colour or a white colour temperature; give either color or "
                    + "colorTemperature, not both.");
        }
        if (on == null && brightness == null && kelvin == null && hex == null) {
            throw new ToolException("Nothing to change: give on (true/false), brightness (0-100), colorTemperature "
                    + "(Kelvin) or color.");
        }
        Boolean switchTo = on;
        if (brightness != null && brightness == 0) {
            if (Boolean.TRUE.equals(on) || kelvin != null || hex != null) {
                throw new ToolException("Brightness 0 switches a light off, which contradicts the other values; "
                        + "use brightness 1-100 to keep it on.");
            }
            switchTo = false;
            brightness = null;
        }
        boolean lights = brightness != null || kelvin != null || hex != null;
        if (Boolean.FALSE.equals(on) && lights) {
            throw new ToolException("Switching a light off and setting its brightness or colour at once contradict "
                    + "each other; leave out on, or the other values.");
        }
        if (switchTo == null && lights) {
            switchTo = true;
        }
        return Settings.light(switchTo, brightness, kelvin, hex);
    }

    /**
     * The changes to make. One named device must be able to do everything asked, or the call fails saying why; in a
     * group, devices that cannot are left alone and the notes say so, unless none can.
     */
    private List<Change> plan(Selection selection, Settings change, List<String> notes, String noun) {
        List<Change> changes = new ArrayList<>();
        if (!selection.group()) {
            Device d = selection.devices().get(0);
            List<String> problems = d.problems(change);
            if (!problems.isEmpty()) {
                throw new ToolException(String.join(" ", problems), false,
                        Map.of("device", d.name(), "can", Reports.capabilities(d)));
            }
            changes.add(new Change(d, d.adapt(change, notes)));
            return changes;
        }
        List<String> skipped = new ArrayList<>();
        List<String> adjustments = new ArrayList<>();
        for (Device d : selection.devices()) {
            Settings adapted = d.adapt(change, adjustments);
            List<String> problems = d.problems(adapted);
            if (problems.isEmpty()) {
                changes.add(new Change(d, adapted));
            } else {
                skipped.add(String.join(" ", problems));
            }
        }
        if (changes.isEmpty()) {
            throw new ToolException("None of those " + noun + "s can do that. " + String.join(" ", skipped));
        }
        notes.addAll(adjustments);
        for (String s : skipped) {
            notes.add(s + " It was left as it was.");
        }
        return changes;
    }

    /** Applies the changes; fails the call only when every one failed, so partial success is still reported. */
    private List<Outcome> carryOut(List<Change> changes) {
        List<Outcome> outcomes = backend.apply(changes);
        if (outcomes.stream().noneMatch(Outcome::succeeded)) {
            throw new ToolException(String.join(" ", outcomes.stream().map(Outcome::failure).toList()), true,
                    Map.of());
        }
        return outcomes;
    }

    private Selection thermostats(String room) {
        if (room != null && !room.isBlank()) {
            return names.devices(room, DeviceType.THERMOSTAT);
        }
        List<Device> all = home.devices(DeviceType.THERMOSTAT);
        if (all.size() == 1) {
            return new Selection(all, false);
        }
        if (all.isEmpty()) {
            throw new ToolException("This home has no thermostats.");
        }
        List<String> rooms = all.stream().map(Device::room).distinct().toList();
        throw new ToolException("Which room? Thermostats are in: " + String.join(", ", rooms)
                + ". Or say 'all'.", false, Map.of("validRooms", rooms));
    }

    private void checkSetpoint(Device d, double value, TemperatureUnit unit) {
        double min = unit.fromCelsius(d.capabilities().minSetpoint());
        double max = unit.fromCelsius(d.capabilities().maxSetpoint());
        if (value >= min && value <= max) {
            return;
        }
        TemperatureUnit other = unit.other();
        double otherMin = other.fromCelsius(d.capabilities().minSetpoint());
        double otherMax = other.fromCelsius(d.capabilities().maxSetpoint());
        String hint = value >= otherMin && value <= otherMax
                ? " Did you mean " + Numbers.format(value) + " " + other.symbol() + "? Then pass unit "
                + other.name() + "." : "";
        throw new ToolException(Numbers.format(value) + " " + unit.symbol() + " is outside the " + d.name()
                + "'s range of " + Numbers.format(min) + "-" + Numbers.format(max) + " " + unit.symbol() + "." + hint,
                false, Map.of("min", min, "max", max, "unit", unit.name()));
    }

    private Duration reminderDelay(Integer inMinutes, String at) {
        boolean hasAt = at != null && !at.isBlank();
        if ((inMinutes == null) == !hasAt) {
            throw new ToolException(inMinutes == null
                    ? "Say when: inMinutes (1-1440) or at (a time of day like 18:30)."
                    : "Give either inMinutes or at, not both.");
        }
        if (inMinutes != null) {
            return Duration.ofMinutes(inMinutes);
        }
        LocalTime time = parseTimeOfDay(at);
        ZonedDateTime now = ZonedDateTime.now(timers.clock()).withZoneSameInstant(home.zone());
        ZonedDateTime next = now.with(time);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        return Duration.between(now, next);
    }

    static LocalTime parseTimeOfDay(String text) {
        Matcher m = TIME_OF_DAY.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            String half = m.group(3);
            if (half != null) {
                if (hour < 1 || hour > 12) {
                    hour = -1;
                } else {
                    hour = hour % 12 + (half.startsWith("p") ? 12 : 0);
                }
            }
            if (hour >= 0 && hour < 24 && minute < 60) {
                return LocalTime.of(hour, minute);
            }
        }
        throw new ToolException("'" + text + "' is not a time of day; use e.g. 18:30, 6:30 pm or 7am.");
    }

    private ToolResult awaitEnd(Countdown countdown, java.util.function.Supplier<Map<String, Object>> rang) {
        Countdown.Ending ending;
        try {
            ending = countdown.await();
        } catch (InterruptedException e) {
            // The host interrupts a call it cancelled or that ran out of time: stop the countdown with it.
            timers.cancel(countdown);
            Thread.currentThread().interrupt();
            ending = Countdown.Ending.CANCELLED;
        }
        if (ending == Countdown.Ending.RANG) {
            return ToolResult.of(rang.get());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "cancelled");
        m.put("label", countdown.label());
        // Cancelled on request: the model already said so when cancelTimer answered, so do not prompt it again.
        return ToolResult.of(m).withScheduling(Scheduling.SILENT);
    }

    private Map<String, Object> countdownView(Countdown c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", c.kind().word());
        m.put("label", c.label());
        m.put("left", SpokenDuration.of(c.remaining(timers.clock())));
        m.put("at", localTime(c, HH_MM_SS));
        return m;
    }

    private String sayCountdown(Countdown c) {
        return c.kind().word() + " '" + c.label() + "', " + SpokenDuration.of(c.remaining(timers.clock())) + " left";
    }

    private String localTime(Countdown c, DateTimeFormatter format) {
        return c.endsAt().atZone(home.zone()).format(format);
    }

    private Room room(Device d) {
        return home.rooms().stream().filter(r -> r.name().equals(d.room())).findFirst().orElseThrow();
    }

    private List<Object> views(List<Outcome> outcomes) {
        return views(outcomes, home.unit());
    }

    private List<Object> views(List<Outcome> outcomes, TemperatureUnit unit) {
        List<Object> out = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.succeeded()) {
                out.add(Reports.state(o.device(), o.state(), unit));
            }
        }
        return out;
    }

    private void putSummary(Map<String, Object> out, List<Outcome> outcomes, List<String> notes) {
        putSummary(out, outcomes, notes, home.unit(), "");
    }

    private void putSummary(Map<String, Object> out, List<Outcome> outcomes, List<String> notes, TemperatureUnit unit,
                            String prefix) {
        List<String> said = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.succeeded()) {
                said.add(Reports.say(o.device(), o.state(), unit));
            } else {
                failed.add(o.failure());
            }
        }
        String states = String.join("; ", said);
        StringBuilder summary = new StringBuilder(prefix.isEmpty() ? capitalise(states) : prefix + states).append('.');
        for (String n : notes) {
            summary.append(' ').append(n);
        }
        for (String f : failed) {
            summary.append(' ').append(f);
        }
        out.put("summary", summary.toString());
        if (!notes.isEmpty()) {
            out.put("notes", notes);
        }
        if (!failed.isEmpty()) {
            out.put("failed", failed);
        }
    }

    private static String unitWord(TemperatureUnit unit) {
        return unit.name().toLowerCase(Locale.ROOT);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
