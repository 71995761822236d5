package dev.livetools.samples.home.model;

/** The two units people set thermostats in. State is kept in Celsius; this converts at the edges. */
public enum TemperatureUnit {
    CELSIUS("°C"),
    FAHRENHEIT("°F");

    private final String symbol;

    TemperatureUnit(String symbol) {
        this.symbol = symbol;
    }

    /** "°C" or "°F". */
    public String symbol() {
        return symbol;
    }

    /** Converts a value in this unit to Celsius. */
    public double toCelsius(double value) {
        return this == CELSIUS ? value : (value - 32) * 5 / 9;
    }

    /** Converts a Celsius value to this unit, rounded to a tenth of a degree for reading out. */
    public double fromCelsius(double celsius) {
        double v = this == CELSIUS ? celsius : celsius * 9 / 5 + 32;
        return Math.round(v * 10) / 10.0;
    }

    /** A value with its symbol, without a trailing ".0": "21 °C", "69.8 °F". */
    public String format(double celsius) {
        return Numbers.format(fromCelsius(celsius)) + " " + symbol;
    }

    /** The other unit, for hints like "did you mean 21 °C?". */
    public TemperatureUnit other() {
        return this == CELSIUS ? FAHRENHEIT : CELSIUS;
    }
}
