package dev.livetools.samples.home.model;

import dev.livetools.sdk.ToolException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Turns the names a person (through the model) uses into devices, rooms and scenes, forgiving case, plurals, filler
 * words, word order, a room named instead of a device ("kitchen light" for every light in the kitchen) and one typo
 * per word. What cannot be resolved fails with a {@link ToolException} that lists the valid names, so the model can
 * try again or ask.
 */
public final class NameResolver {

    private static final Set<String> ALL = Set.of("all", "every", "everything", "everywhere", "whole", "house",
            "home", "entire", "each", "any");
    private static final Set<String> SCENE_WORDS = Set.of("scene", "mode", "setting", "preset");

    private final Home home;

    public NameResolver(Home home) {
        this.home = Objects.requireNonNull(home, "home");
    }

    /**
     * The devices a name means.
     *
     * @param query what the model passed, e.g. "Kitchen lights", "floor lamp", "all"
     * @param types the device types the calling tool works on
     * @return the devices, and whether the name meant a group (a room, a plural, "all") rather than one device
     * @throws ToolException when nothing or too much matches, listing the valid names
     */
    public Selection devices(String query, Set<DeviceType> types) {
        EnumSet<DeviceType> wanted = EnumSet.copyOf(types);
        List<Device> candidates = home.devices().stream().filter(d -> wanted.contains(d.type())).toList();
        String noun = noun(wanted, true);
        if (candidates.isEmpty()) {
            throw new ToolException("This home has no " + noun + ".");
        }
        Words words = Words.of(query == null ? "" : query);
        Set<String> generic = new HashSet<>(ALL);
        wanted.forEach(t -> generic.addAll(t.genericWords()));
        Words core = words.without(generic);
        boolean all = words.words().stream().anyMatch(ALL::contains);
        if (core.isEmpty()) {
            if (all || words.plural() || candidates.size() == 1) {
                return new Selection(candidates, candidates.size() > 1);
            }
            throw ambiguous(query, candidates, noun);
        }
        for (boolean fuzzy : new boolean[] {false, true}) {
            Selection found = match(core, all || words.plural(), candidates, wanted, fuzzy, query, noun);
            if (found != null) {
                return found;
            }
        }
        throw notFound(query, core, wanted, candidates, noun);
    }

    /** Like {@link #devices(String, Set)} for one type. */
    public Selection devices(String query, DeviceType type) {
        return devices(query, EnumSet.of(type));
    }

    /**
     * The room a name means.
     *
     * @throws ToolException listing the rooms when none or several match
     */
    public Room room(String query) {
        Words core = Words.of(query == null ? "" : query).without(Set.of("room"));
        List<Room> rooms = home.rooms();
        for (boolean fuzzy : new boolean[] {false, true}) {
            List<Room> exact = rooms.stream().filter(r -> names(r).stream().anyMatch(n ->
                    same(n.without(Set.of("room")), core, fuzzy))).toList();
            if (exact.size() == 1) {
                return exact.get(0);
            }
            List<Room> partial = rooms.stream().filter(r -> !core.isEmpty() && names(r).stream().anyMatch(n ->
                    contains(n, core, fuzzy))).toList();
            if (partial.size() == 1) {
                return partial.get(0);
            }
        }
        List<String> valid = rooms.stream().map(Room::name).toList();
        throw new ToolException("No room called '" + query + "'. Rooms: " + String.join(", ", valid) + ".", false,
                Map.of("validRooms", valid));
    }

    /**
     * The scene a name means: "movie night", "Movie Night scene", "movie", an alias.
     *
     * @throws ToolException listing the scenes when none or several match
     */
    public Scene scene(String query) {
        List<Scene> scenes = home.scenes();
        List<String> valid = scenes.stream().map(Scene::name).toList();
        if (scenes.isEmpty()) {
            throw new ToolException("This home has no scenes.");
        }
        Words core = Words.of(query == null ? "" : query).without(SCENE_WORDS);
        if (!core.isEmpty()) {
            for (boolean fuzzy : new boolean[] {false, true}) {
                List<Scene> exact = scenes.stream().filter(s -> names(s).stream().anyMatch(n ->
                        same(n.without(SCENE_WORDS), core, fuzzy))).toList();
                if (exact.size() == 1) {
                    return exact.get(0);
                }
                List<Scene> partial = scenes.stream().filter(s -> names(s).stream().anyMatch(n ->
                        contains(n, core, fuzzy))).toList();
                if (partial.size() == 1) {
                    return partial.get(0);
                }
            }
        }
        throw new ToolException("No scene called '" + query + "'. Scenes: " + String.join(", ", valid) + ".", false,
                Map.of("validScenes", valid));
    }

    private Selection match(Words core, boolean many, List<Device> candidates, Set<DeviceType> wanted, boolean fuzzy,
                            String query, String noun) {
        // 1. A device by its own name, alias or id, with or without the generic word: "floor lamp", "kitchen ceiling".
        List<Device> exact = candidates.stream().filter(d -> deviceNames(d).stream().anyMatch(n ->
                same(n.without(genericWords(d)), core, fuzzy))).toList();
        if (!exact.isEmpty()) {
            return new Selection(exact, exact.size() > 1);
        }
        // 2. A room: "kitchen", "kitchen lights", "lounge".
        List<Room> rooms = home.rooms().stream().filter(r -> names(r).stream().anyMatch(n -> same(n, core, fuzzy)))
                .toList();
        if (rooms.isEmpty()) {
            rooms = home.rooms().stream().filter(r -> names(r).stream().anyMatch(n -> contains(n, core, fuzzy)))
                    .toList();
        }
        if (rooms.size() == 1) {
            Room room = rooms.get(0);
            List<Device> inRoom = candidates.stream().filter(d -> d.room().equals(room.name())).toList();
            if (inRoom.isEmpty()) {
                List<String> withType = home.rooms().stream()
                        .filter(r -> candidates.stream().anyMatch(d -> d.room().equals(r.name())))
                        .map(Room::name).toList();
                throw new ToolException("The " + room.name() + " has no " + noun + ". Rooms with " + noun + ": "
                        + String.join(", ", withType) + ".", false, Map.of("validRooms", withType));
            }
            return new Selection(inRoom, inRoom.size() > 1);
        }
        // 3. Words from the device's and its room's names: "bedroom lamp", "ceiling lights".
        List<Device> partial = candidates.stream().filter(d -> contains(searchWords(d), core, fuzzy)).toList();
        if (partial.size() == 1) {
            return new Selection(partial, false);
        }
        if (partial.size() > 1) {
            if (many) {
                return new Selection(partial, true);
            }
            throw ambiguous(query, partial, noun);
        }
        return null;
    }

    private ToolException ambiguous(String query, List<Device> matches, String noun) {
        List<String> names = matches.stream().map(NameResolver::label).toList();
        return new ToolException("'" + query + "' could mean several " + noun + ": " + String.join(", ", names)
                + ". Name one, or use a room name or a plural (e.g. 'ceiling lights') for all of them.", false,
                Map.of("matches", matches.stream().map(Device::name).toList()));
    }

    private ToolException notFound(String query, Words core, Set<DeviceType> wanted, List<Device> candidates,
                                   String noun) {
        // The name may be a device of another type: say what it is, so the model picks the right tool.
        List<Device> others = home.devices().stream().filter(d -> !wanted.contains(d.type()))
                .filter(d -> deviceNames(d).stream().anyMatch(n -> same(n.without(genericWords(d)), core, true))
                        || contains(searchWords(d), core, true))
                .toList();
        if (others.size() == 1) {
            Device d = others.get(0);
            return new ToolException("The " + d.name() + " is a " + d.type().word() + ", not one of the " + noun
                    + "; use " + toolFor(d.type()) + " for it. " + capitalise(noun) + ": " + labels(candidates) + ".",
                    false, Map.of("validNames", names(candidates), "validRooms", roomsOf(candidates)));
        }
        List<String> rooms = roomsOf(candidates);
        return new ToolException("No " + noun(EnumSet.copyOf(wanted), false) + " or room called '" + query + "'. "
                + capitalise(noun) + ": " + labels(candidates) + ". Rooms with " + noun + ": " + String.join(", ", rooms)
                + ". Or say 'all'.", false, Map.of("validNames", names(candidates), "validRooms", rooms));
    }

    /** The tool that works on a device type, so an error can point the model at it. */
    private static String toolFor(DeviceType type) {
        return switch (type) {
            case LIGHT -> "setLight";
            case COVER -> "setCover";
            case THERMOSTAT -> "setThermostat";
            case SENSOR -> "getTemperature";
        };
    }

    private List<String> roomsOf(Collection<Device> devices) {
        return home.rooms().stream().map(Room::name)
                .filter(r -> devices.stream().anyMatch(d -> d.room().equals(r))).toList();
    }

    private static List<String> names(List<Device> devices) {
        return devices.stream().map(Device::name).toList();
    }

    private static String labels(List<Device> devices) {
        return devices.stream().map(NameResolver::label).collect(Collectors.joining(", "));
    }

    private static String label(Device d) {
        return d.name() + " (" + d.room() + ")";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String noun(Set<DeviceType> types, boolean plural) {
        List<String> words = new ArrayList<>();
        for (DeviceType t : types) {
            words.add(plural ? t.plural() : t.word());
        }
        return String.join(" or ", words);
    }

    private static Set<String> genericWords(Device d) {
        return d.type().genericWords();
    }

    private static List<Words> deviceNames(Device d) {
        List<Words> out = new ArrayList<>();
        out.add(Words.of(d.name()));
        d.aliases().forEach(a -> out.add(Words.of(a)));
        out.add(Words.of(d.id()));
        return out;
    }

    private List<Words> names(Room r) {
        List<Words> out = new ArrayList<>();
        out.add(Words.of(r.name()));
        r.aliases().forEach(a -> out.add(Words.of(a)));
        return out;
    }

    private static List<Words> names(Scene s) {
        List<Words> out = new ArrayList<>();
        out.add(Words.of(s.name()));
        s.aliases().forEach(a -> out.add(Words.of(a)));
        return out;
    }

    /** Every word that may point at a device: its names, aliases and id, and its room's names. */
    private Words searchWords(Device d) {
        Map<String, Boolean> all = new LinkedHashMap<>();
        Predicate<String> add = w -> all.put(w, true) == null;
        deviceNames(d).forEach(n -> n.words().forEach(add::test));
        home.rooms().stream().filter(r -> r.name().equals(d.room()))
                .forEach(r -> names(r).forEach(n -> n.words().forEach(add::test)));
        return new Words(List.copyOf(all.keySet()), false);
    }

    private static boolean same(Words a, Words b, boolean fuzzy) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        if (a.set().equals(b.set()) || a.joined().equals(b.joined())) {
            return true;
        }
        return fuzzy && a.words().size() == b.words().size() && contains(a, b, true) && contains(b, a, true);
    }

    /** Whether every word of {@code wanted} is among {@code have}. */
    private static boolean contains(Words have, Words wanted, boolean fuzzy) {
        if (wanted.isEmpty()) {
            return false;
        }
        for (String w : wanted.words()) {
            boolean found = have.words().stream().anyMatch(h -> fuzzy ? Words.close(h, w) : h.equals(w));
            if (!found && !have.joined().equals(w)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a name resolved to.
     *
     * @param devices the devices, in home order; never empty
     * @param group whether the name meant several devices (a room, a plural, "all")
     */
    public record Selection(List<Device> devices, boolean group) {
        public Selection {
            devices = List.copyOf(devices);
            if (devices.isEmpty()) {
                throw new IllegalArgumentException("a selection holds at least one device");
            }
        }
    }
}
