package dev.livetools.catalog.scanfixture;

import dev.livetools.sdk.LiveTool;
import dev.livetools.sdk.Param;
import java.time.ZoneId;

/** Found by classpath scans of this package; used by the catalog and CLI tests. */
public final class ClockTools {

    @LiveTool(description = "The current time in a time zone")
    public static String now(@Param(description = "IANA zone id") ZoneId zone) {
        return java.time.ZonedDateTime.now(zone).toString();
    }
}
