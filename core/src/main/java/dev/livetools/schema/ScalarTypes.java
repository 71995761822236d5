package dev.livetools.schema;

import dev.livetools.protocol.Schema;
import dev.livetools.protocol.Schema.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Schemas of the value types that map to a single JSON scalar. The service accepts only a closed list of formats
 * ({@link dev.livetools.protocol.SchemaRules}: STRING {@code enum}/{@code date-time}, INTEGER {@code int32}/{@code
 * int64}, NUMBER {@code float}/{@code double}) and refuses the whole {@code setup} for any other, so every other hint
 * (UUID, URI, date, duration, base64, ...) is a {@code pattern} and an example in the description: the model follows
 * examples more reliably than format names anyway.
 */
final class ScalarTypes {

    private static final String TIME = "\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?";
    private static final Map<Class<?>, Schema> SCHEMAS = new HashMap<>();

    static {
        put(Schema.of(Type.BOOLEAN), boolean.class, Boolean.class);
        put(Schema.of(Type.INTEGER).withFormat("int32")
                .withRange(BigDecimal.valueOf(Byte.MIN_VALUE), BigDecimal.valueOf(Byte.MAX_VALUE)), byte.class, Byte.class);
        put(Schema.of(Type.INTEGER).withFormat("int32")
                .withRange(BigDecimal.valueOf(Short.MIN_VALUE), BigDecimal.valueOf(Short.MAX_VALUE)), short.class, Short.class);
        put(Schema.of(Type.INTEGER).withFormat("int32"), int.class, Integer.class);
        put(Schema.of(Type.INTEGER).withFormat("int64"), long.class, Long.class);
        put(Schema.of(Type.NUMBER).withFormat("float"), float.class, Float.class);
        put(Schema.of(Type.NUMBER).withFormat("double"), double.class, Double.class);
        put(Schema.of(Type.STRING).withLength(1L, 1L).withDescription("A single character."),
                char.class, Character.class);
        put(Schema.of(Type.STRING), String.class, CharSequence.class);
        put(Schema.of(Type.NUMBER).withDescription("A decimal number; any precision."), BigDecimal.class);
        put(Schema.of(Type.INTEGER).withDescription("An integer; any size."), BigInteger.class);
        put(text(null, "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
                "A UUID, e.g. 123e4567-e89b-12d3-a456-426614174000."), UUID.class);
        put(text(null, null, "A URI, e.g. https://example.com/path."), URI.class);
        put(text(null, "^[A-Za-z0-9+/]*={0,2}$", "Binary data, base64-encoded, e.g. aGVsbG8= for the bytes of 'hello'."),
                byte[].class);

        put(text("date-time", null, "An instant in RFC 3339 form, e.g. 2025-03-14T09:30:00Z."), Instant.class);
        put(text("date-time", null, "A date-time with UTC offset (RFC 3339), e.g. 2025-03-14T09:30:00+01:00."),
                OffsetDateTime.class, ZonedDateTime.class);
        put(text(null, "^\\d{4}-\\d{2}-\\d{2}T" + TIME + "$",
                "A local date-time without offset (ISO-8601), e.g. 2025-03-14T09:30:00."), LocalDateTime.class);
        put(text(null, "^\\d{4}-\\d{2}-\\d{2}$", "A date (ISO-8601, yyyy-MM-dd), e.g. 2025-03-14."), LocalDate.class);
        put(text(null, "^" + TIME + "$", "A local time (ISO-8601, HH:mm or HH:mm:ss), e.g. 09:30:00."),
                LocalTime.class);
        put(text(null, "^" + TIME + "(Z|[+-]\\d{2}:\\d{2})$", "A time with UTC offset, e.g. 09:30:00+01:00."),
                OffsetTime.class);
        put(text(null, "^-?P(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$",
                "A duration (ISO-8601), e.g. PT15M for 15 minutes or PT1H30M."), Duration.class);
        put(text(null, "^-?P(-?\\d+Y)?(-?\\d+M)?(-?\\d+W)?(-?\\d+D)?$",
                "A period in years, months, weeks or days (ISO-8601), e.g. P1Y2M or P3D."), Period.class);
        put(text(null, "^\\d{4}-\\d{2}$", "A year and month (yyyy-MM), e.g. 2025-03."), YearMonth.class);
        put(text(null, "^--\\d{2}-\\d{2}$", "A month and day (--MM-dd), e.g. --03-14."), MonthDay.class);
        put(Schema.of(Type.INTEGER).withFormat("int32").withDescription("A year, e.g. 2025."), Year.class);
        put(text(null, null, "A time-zone id (IANA), e.g. Europe/Berlin, or a UTC offset such as +01:00."),
                ZoneId.class);
        put(text(null, "^(Z|[+-]\\d{2}:\\d{2})$", "A UTC offset, e.g. +01:00 or Z."), ZoneOffset.class);
    }

    private ScalarTypes() {
    }

    /** Every type with a scalar schema. */
    static Set<Class<?>> types() {
        return Set.copyOf(SCHEMAS.keySet());
    }

    /** The schema of {@code type} when it is a scalar, else {@code null}. */
    static Schema of(Class<?> type) {
        return SCHEMAS.get(type);
    }

    private static Schema text(String format, String pattern, String description) {
        return Schema.of(Type.STRING).withFormat(format).withPattern(pattern).withDescription(description);
    }

    private static void put(Schema schema, Class<?>... types) {
        for (Class<?> t : types) {
            SCHEMAS.put(t, schema);
        }
    }
}
