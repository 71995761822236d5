package dev.livetools.cli.conformancefixture;

import dev.livetools.sdk.Behavior;
import dev.livetools.sdk.LiveTool;
import dev.livetools.sdk.Param;
import dev.livetools.sdk.ToolContext;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Tools whose declarations use every schema field LiveTools emits, for the conformance test against the official
 * SDK types. Scanned by package, so nothing else may live in this package.
 */
public final class EveryFieldTools {

    public enum Unit { CELSIUS, FAHRENHEIT }

    public record Slot(@Param(description = "Start") LocalTime start, Duration length,
                       @DecimalMin("4.5") @DecimalMax("30") double celsius) {
    }

    public record Plan(@NotBlank @Size(max = 40) String name, @Size(min = 1, max = 24) List<Slot> slots,
                       @Size(min = 1, max = 5) Map<String, Integer> limits, Optional<LocalDate> starts,
                       @Param(required = false) @Email String owner) {
    }

    @LiveTool(description = "Every scalar")
    public void scalars(boolean flag, byte tiny, short small, @Positive int count, @Negative long debt,
                        float ratio, @PositiveOrZero double amount, char initial, String text,
                        BigDecimal price, BigInteger huge, UUID id, Unit unit, byte[] blob) {
    }

    @LiveTool(description = "Every time type")
    public static void times(Instant at, LocalDateTime local, LocalDate day, LocalTime time, Duration wait,
                             ZoneId zone) {
    }

    @LiveTool(name = "plans.replace", description = "Nested records, collections and constraints",
            behavior = Behavior.NON_BLOCKING)
    public void replace(@NotEmpty List<@Valid Plan> plans, Set<@Pattern(regexp = "^[a-z]+$") String> tags,
                        @Param(description = "Notes by plan") Map<String, List<String>> notes,
                        @NotNull @Param(required = false) Integer priority, ToolContext context) {
    }

    /** A stand-in for jakarta.validation.Valid on a type argument: any type-use annotation must be harmless. */
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE_USE)
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    public @interface Valid {
    }

    @LiveTool(description = "Bounded integers")
    public void bounded(@Min(1) @Max(12) int month) {
    }
}
