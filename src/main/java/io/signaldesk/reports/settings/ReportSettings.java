package io.signaldesk.reports.settings;

import java.sql.Timestamp;
import java.time.Clock;
import io.signaldesk.notifications.ChatZones;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Each chat's report settings ({@code report_chat}): its time zone ({@code /timezone}; a chat without one uses
 * {@code SIGNALDESK_JOBS_ZONE}) and whether a day with nothing to report stays silent ({@code /report quiet on}) or
 * sends one short line (the default).
 */
@Repository
public class ReportSettings implements ChatZones {

    /** A chat's settings; {@code chosen} tells whether the zone was set with /timezone or is the service's default. */
    public record ChatSettings(ZoneId zone, boolean quiet, boolean chosen) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ZoneId defaultZone;

    ReportSettings(JdbcTemplate jdbc, Clock clock, @Value("${signaldesk.jobs.zone}") ZoneId defaultZone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.defaultZone = defaultZone;
    }

    public ChatSettings of(long destinationId) {
        return jdbc.query("select zone, quiet from report_chat where destination_id = ?", (row, i) -> {
                    String zone = row.getString("zone");
                    return new ChatSettings(zone == null ? defaultZone : ZoneId.of(zone), row.getBoolean("quiet"), zone != null);
                }, destinationId)
                .stream().findFirst().orElse(new ChatSettings(defaultZone, false, false));
    }

    /** The zone a chat chose with /timezone (the times in its messages follow it, {@code notifications.MessageTime}). */
    @Override
    public Optional<ZoneId> chosen(long destinationId) {
        return jdbc.queryForList("select zone from report_chat where destination_id = ? and zone is not null", String.class, destinationId).stream()
                .findFirst().map(ZoneId::of);
    }

    public ZoneId zone(long destinationId) {
        return of(destinationId).zone();
    }

    public ZoneId defaultZone() {
        return defaultZone;
    }

    public void setZone(long destinationId, ZoneId zone) {
        jdbc.update("""
                insert into report_chat (destination_id, zone, quiet, updated_at) values (?, ?, false, ?)
                on conflict (destination_id) do update set zone = excluded.zone, updated_at = excluded.updated_at""",
                destinationId, zone.getId(), Timestamp.from(clock.instant()));
    }

    public void setQuiet(long destinationId, boolean quiet) {
        jdbc.update("""
                insert into report_chat (destination_id, zone, quiet, updated_at) values (?, null, ?, ?)
                on conflict (destination_id) do update set quiet = excluded.quiet, updated_at = excluded.updated_at""",
                destinationId, quiet, Timestamp.from(clock.instant()));
    }
}
