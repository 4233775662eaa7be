package io.signaldesk.reports.render;

import java.time.LocalDate;
import java.time.ZoneId;

/** A {@code REPORT} outbox row's payload: the chat whose report it is and the period, in the zone it fell due in. */
record ReportPayload(long destinationId, String period, LocalDate start, String zone) {

    static ReportPayload of(long destinationId, ReportPeriod period) {
        return new ReportPayload(destinationId, period.kind().name(), period.start(), period.zone().getId());
    }

    ReportPeriod toPeriod() {
        return ReportPeriod.containing(ReportPeriod.Kind.valueOf(period), start, ZoneId.of(zone));
    }
}
