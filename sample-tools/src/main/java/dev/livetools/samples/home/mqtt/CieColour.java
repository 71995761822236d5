package dev.livetools.samples.home.mqtt;

import java.util.Locale;

/**
 * Converts between sRGB hex colours, which people and the tools use, and CIE 1931 xy chromaticity, which Zigbee
 * colour lights report. Brightness is separate in Zigbee, so xy converts to the brightest hex of that hue.
 */
final class CieColour {

    /** The D65 white point, reported for black, which has no chromaticity. */
    private static final double[] WHITE = {0.3127, 0.3290};

    private CieColour() {
    }

    /** The chromaticity {x, y} of a {@code #rrggbb} colour. */
    static double[] toXy(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double r = expand(((rgb >> 16) & 0xff) / 255.0);
        double g = expand(((rgb >> 8) & 0xff) / 255.0);
        double b = expand((rgb & 0xff) / 255.0);
        double x = r * 0.4124 + g * 0.3576 + b * 0.1805;
        double y = r * 0.2126 + g * 0.7152 + b * 0.0722;
        double z = r * 0.0193 + g * 0.1192 + b * 0.9505;
        double sum = x + y + z;
        if (sum == 0) {
            return WHITE.clone();
        }
        return new double[] {round4(x / sum), round4(y / sum)};
    }

    /** The brightest {@code #rrggbb} colour with chromaticity (x, y). */
    static String toHex(double x, double y) {
        if (y <= 0) {
            return "#ffffff";
        }
        double bigX = x / y;
        double bigZ = (1 - x - y) / y;
        double r = Math.max(0, 3.2406 * bigX - 1.5372 - 0.4986 * bigZ);
        double g = Math.max(0, -0.9689 * bigX + 1.8758 + 0.0415 * bigZ);
        double b = Math.max(0, 0.0557 * bigX - 0.2040 + 1.0570 * bigZ);
        double max = Math.max(r, Math.max(g, b));
        if (max == 0) {
            return "#ffffff";
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", channel(r / max), channel(g / max), channel(b / max));
    }

    private static double expand(double c) {
        return c > 0.04045 ? Math.pow((c + 0.055) / 1.055, 2.4) : c / 12.92;
    }

    private static int channel(double linear) {
        double c = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
        return (int) Math.round(Math.max(0, Math.min(1, c)) * 255);
    }

    private static double round4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
