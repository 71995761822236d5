package acme.everytype;

import dev.livetools.sdk.LiveTool;
import dev.livetools.sdk.Param;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/** A plugin using every scalar type of docs/writing-tools.md, records, a POJO, enums and constraints. */
public class EveryTypeTools {

    public enum Level { LOW, MEDIUM, HIGH }

    public record Stay(LocalDate from, @Min(1) @Max(30) int nights, Duration checkInWindow) {
    }

    public static class Guest {
        @NotBlank public String name;
        @Param(required = false) public Integer age;
        public LocalDate birthday;
    }

    public record Booking(@NotNull UUID id, @Email String contact, Level level, @Valid Stay stay,
                          @Size(max = 8) List<Guest> guests, Map<String, URI> links) {
    }

    @LiveTool(description = "Numbers and booleans")
    public String numbers(boolean flag, Boolean boxedFlag, byte b, Byte boxedByte, short s, Short boxedShort,
                          int i, Integer boxedInt, long l, Long boxedLong, float f, Float boxedFloat, double d,
                          Double boxedDouble, BigInteger big, BigDecimal decimal) {
        return "ok";
    }

    @LiveTool(description = "Text-like values")
    public String texts(String text, CharSequence chars, char c, Character boxedChar, UUID id, URI link, byte[] data,
                        Level level) {
        return "ok";
    }

    @LiveTool(description = "java.time values")
    public String times(Instant instant, OffsetDateTime offsetDateTime, ZonedDateTime zonedDateTime,
                        LocalDateTime localDateTime, LocalDate localDate, LocalTime localTime, OffsetTime offsetTime,
                        Duration duration, Period period, YearMonth yearMonth, MonthDay monthDay, Year year,
                        ZoneId zone, ZoneOffset offset) {
        return "ok";
    }

    @LiveTool(description = "Containers")
    public String containers(int[] counts, List<String> names, Set<Level> levels, Collection<UUID> ids,
                             Map<String, Double> prices, Optional<LocalDate> day, OptionalInt maybeInt,
                             OptionalLong maybeLong, OptionalDouble maybeDouble) {
        return "ok";
    }

    @LiveTool(name = "booking:constrained", description = "Constraints, a record and a POJO")
    public String constrained(@Min(5) @Max(30) double celsius,
                              @DecimalMin("0.5") @DecimalMax(value = "1e2", inclusive = false) BigDecimal ratio,
                              @Positive long count, @NegativeOrZero int delta,
                              @Size(min = 1, max = 5) List<@NotBlank String> tags, @Email String mail,
                              @Pattern(regexp = "[A-Z]{3}") String code, @NotBlank @Size(max = 40) String name,
                              @Past Instant since, @Future LocalDate until,
                              @Digits(integer = 3, fraction = 2) BigDecimal price, @NotEmpty Set<UUID> rooms,
                              @Max(100) float share, @DecimalMax("2.50") double factor,
                              @NotNull @Valid Booking booking) {
        return "ok";
    }
}
