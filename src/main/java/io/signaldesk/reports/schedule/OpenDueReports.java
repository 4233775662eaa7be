package io.signaldesk.reports.schedule;

import io.signaldesk.reports.settings.ReportSettings;
import io.signaldesk.subscriptions.ChatSubscriptions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opens a {@code report_dispatch} row for every scheduled report that has fallen due in a chat's own zone: the daily
 * one at 23:30, the weekly one on Monday at 08:00 ({@link DuePeriods}). Reports go to every chat a live (active or
 * paused) subscription delivers to; a period that fell due longer ago than {@code catch-up} is left (a chat that
 * subscribed at noon does not get yesterday's report). Opening twice is harmless: the row's key makes it once.
 */
@Component
class OpenDueReports {

    private static final Logger log = LoggerFactory.getLogger(OpenDueReports.class);

    private final ChatSubscriptions subscriptions;
    private final ReportSettings settings;
    private final ReportDispatches dispatches;
    private final ReportsProperties properties;

    OpenDueReports(ChatSubscriptions subscriptions, ReportSettings settings, ReportDispatches dispatches, ReportsProperties properties) {
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.dispatches = dispatches;
        this.properties = properties;
    }

    /** Returns how many rows it opened. */
    int execute(Instant now) {
        int opened = 0;
        for (long destinationId : subscriptions.destinationsWithLiveSubscriptions()) {
            try {
                opened += open(destinationId, now);
            } catch (RuntimeException e) {
                log.warn("Reports for chat destination {} could not be scheduled: {}", destinationId, e.toString());
            }
        }
        return opened;
    }

    /** Opens the reports of one chat that fell due by {@code now} (within the catch-up); returns how many. */
    int open(long destinationId, Instant now) {
        ZoneId zone = settings.zone(destinationId);
        return open(destinationId, DuePeriods.latestDaily(zone, now), now) + open(destinationId, DuePeriods.latestWeekly(zone, now), now);
    }

    private int open(long destinationId, DuePeriods.Due due, Instant now) {
        boolean recent = Duration.between(due.dueAt(), now).compareTo(properties.catchUp()) <= 0;
        return recent && dispatches.open(destinationId, due.period(), now) ? 1 : 0;
    }
}
