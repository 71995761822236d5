package dev.livetools.testkit;

import dev.livetools.sdk.LiveTool;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Parameters of the types whose schema hints the service refuses as formats (UUID, URI, date, duration, bytes). */
public class EveryTypeTools {

    public enum Level { LOW, HIGH }

    public record Visit(LocalDate day, @Min(1) @Max(30) int nights, Optional<LocalTime> arrival) {
    }

    @LiveTool(name = "booking:book", description = "Book a visit")
    public String book(UUID id, URI link, byte[] data, @Email String contact, LocalDate date, Duration stay,
                       Instant at, OffsetDateTime offsetAt, Period period, YearMonth month, ZoneId zone,
                       @Min(5) @Max(30) double celsius, @DecimalMax("1e2") BigDecimal share, BigInteger big,
                       long count, float ratio, char initial, Level level, List<Visit> visits,
                       Map<String, Level> levels) {
        return id + " " + date + " " + stay + " " + visits.size();
    }
}
