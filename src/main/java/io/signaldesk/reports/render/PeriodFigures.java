package io.signaldesk.reports.render;

import java.util.List;
import java.util.Optional;

/**
 * The stored daily metrics of a chat (and of the owner of a private chat) summed over a period: what {@link ReportSource}
 * reads from the metrics the {@code reports.calculate-metrics} job stored.
 */
interface PeriodFigures {

    /** A period's figures: its rows, extremes, equity points, the owner's account part and the days without data. */
    record Figures(List<ReportData.Row> rows, Optional<ReportData.Extreme> best, Optional<ReportData.Extreme> worst,
                   List<ReportData.Point> equity, Optional<ReportData.UserPart> user, List<String> gaps) {
    }

    Figures of(long destinationId, Optional<Long> userId, ReportPeriod period);
}
