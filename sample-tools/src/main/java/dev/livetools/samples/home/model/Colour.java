package dev.livetools.samples.home.model;

import dev.livetools.sdk.ToolException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A colour a person asks for: either a hue ({@code #rrggbb}) or a shade of white, which lights render as a colour
 * temperature in Kelvin. "Warm white" is a colour to a person but a colour temperature to a bulb.
 *
 * @param hex the colour as lower-case {@code #rrggbb}, or {@code null} for a white
 * @param kelvin the colour temperature for a white, or {@code null} for a hue
 */
public record Colour(String hex, Integer kelvin) {

    private static final Pattern HEX = Pattern.compile("#?([0-9a-fA-F]{6})");
    private static final Map<String, Colour> NAMED = named();

    public Colour {
        if ((hex == null) == (kelvin == null)) {
            throw new IllegalArgumentException("a colour is either a hue or a white: hex=" + hex + ", kelvin=" + kelvin);
        }
        if (hex != null && !hex.matches("#[0-9a-f]{6}")) {
            throw new IllegalArgumentException("hex must be #rrggbb in lower case: " + hex);
        }
    }

    /** A hue. */
    public static Colour ofHex(String hex) {
        return new Colour(hex.toLowerCase(Locale.ROOT), null);
    }

    /** A white of the given colour temperature. */
    public static Colour ofKelvin(int kelvin) {
        return new Colour(null, kelvin);
    }

    /** Whether this is a shade of white, rendered as a colour temperature. */
    public boolean isWhite() {
        return kelvin != null;
    }

    /**
     * Reads a colour name ("red", "Warm White") or a hex code ("#ff8800", "ff8800").
     *
     * @throws ToolException naming the colours that are understood
     */
    public static Colour parse(String text) {
        Objects.requireNonNull(text, "text");
        String key = text.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
        Colour named = NAMED.get(key);
        if (named != null) {
            return named;
        }
        var m = HEX.matcher(text.trim());
        if (m.matches()) {
            return ofHex("#" + m.group(1));
        }
        throw new ToolException("Unknown colour '" + text + "'. Use a hex code like #ff8800 or one of: "
                + String.join(", ", NAMED.keySet()), false, Map.of("validColours", List.copyOf(NAMED.keySet())));
    }

    /**
     * The name of this colour if it is, or is within a rounding error of, one of the named ones ("#ff01ff" reads
     * back from a bulb as "magenta"); else its hex code or Kelvin value.
     */
    public String describe() {
        for (var e : NAMED.entrySet()) {
            Colour named = e.getValue();
            if (named.equals(this) || !isWhite() && !named.isWhite() && near(hex, named.hex)) {
                return e.getKey();
            }
        }
        return isWhite() ? kelvin + " K" : hex;
    }

    private static boolean near(String a, String b) {
        int x = Integer.parseInt(a.substring(1), 16);
        int y = Integer.parseInt(b.substring(1), 16);
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((x >> shift) & 0xff) - ((y >> shift) & 0xff)) > 3) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Colour> named() {
        Map<String, Colour> m = new LinkedHashMap<>();
        m.put("red", ofHex("#ff0000"));
        m.put("orange", ofHex("#ff8000"));
        m.put("yellow", ofHex("#ffd000"));
        m.put("green", ofHex("#00ff00"));
        m.put("cyan", ofHex("#00ffff"));
        m.put("blue", ofHex("#0000ff"));
        m.put("purple", ofHex("#8000ff"));
        m.put("magenta", ofHex("#ff00ff"));
        m.put("pink", ofHex("#ff60a0"));
        m.put("candlelight", ofKelvin(2200));
        m.put("warm white", ofKelvin(2700));
        m.put("white", ofKelvin(4000));
        m.put("cool white", ofKelvin(5000));
        m.put("daylight", ofKelvin(6500));
        return m;
    }
}
