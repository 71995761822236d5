package dev.livetools.samples.home.model;

/** Formats numbers the way they are spoken: "21" rather than "21.0", "20.5" as is. */
public final class Numbers {

    private Numbers() {
    }

    /** The value to one decimal, without a trailing ".0". */
    public static String format(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        if (rounded == Math.rint(rounded)) {
            return Long.toString((long) rounded);
        }
        return Double.toString(rounded);
    }
}
