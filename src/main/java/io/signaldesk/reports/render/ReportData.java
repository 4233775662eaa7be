package io.signaldesk.reports.render;

import io.signaldesk.chat.LocalizedText;
import io.signaldesk.reports.metrics.ChatMetrics;
import io.signaldesk.reports.metrics.SignalCounts;
import io.signaldesk.reports.metrics.UserMetrics;
import java.math.BigDecimal;
import io.signaldesk.portfolio.PortfolioRisk;
import java.util.List;
import java.util.Optional;

/**
 * What one chat's report for one period shows, read when it is rendered: the chat's stored metrics over the period
 * (per bot and pair, best and worst, fixed-risk equity per day, data-quality notes, track record to date), the previous
 * period's totals, the owner's money and open positions (private chats only) and the validation line of each bot and
 * market the chat follows.
 */
public record ReportData(ReportPeriod period, ChatMetrics chat, SignalCounts previous, Optional<UserPart> user,
                         List<Validation> validations, Chart chart) {

    public ReportData {
        validations = List.copyOf(validations);
    }

    /** A report whose chart spans its own period. */
    public ReportData(ReportPeriod period, ChatMetrics chat, SignalCounts previous, Optional<UserPart> user, List<Validation> validations) {
        this(period, chat, previous, user, validations, new Chart(period.start(), chat.equity(), user.map(UserPart::metrics)));
    }

    /**
     * What the equity chart draws: from the start of day {@code from}, the fixed-risk signal equity at each day's end
     * (relative to {@code from}) and, when known, the account's. A daily report's chart spans the last
     * {@link ReportSource#DAILY_CHART_DAYS} days (one day alone is two points); the others span their period.
     */
    public record Chart(java.time.LocalDate from, List<io.signaldesk.reports.metrics.EquityDay> signals, Optional<UserMetrics> account) {

        public Chart {
            signals = List.copyOf(signals);
        }
    }

    /**
     * The owner's money over the period, the positions open now (pair and side) and their portfolio risk level as last
     * measured ({@code risk.analyze}), if it was within the last day.
     */
    public record UserPart(UserMetrics metrics, List<String> openPositions, Optional<PortfolioRisk.Level> risk) {

        public UserPart {
            openPositions = List.copyOf(openPositions);
        }

        public UserPart(UserMetrics metrics, List<String> openPositions) {
            this(metrics, openPositions, Optional.empty());
        }

        boolean hasFigures() {
            return metrics.equityEnd() != null || metrics.paperEquityEnd() != null || !openPositions.isEmpty()
                    || (metrics.realizedPnl() != null && metrics.realizedPnl().compareTo(BigDecimal.ZERO) != 0);
        }
    }

    /** A followed bot on a market and its validation line. */
    public record Validation(String bot, String market, LocalizedText line) {
    }

    /** Nothing happened: no signal issued or closed, no money figures of the owner's. */
    public boolean nothingToReport() {
        return chat.quiet() && user.filter(UserPart::hasFigures).isEmpty();
    }

    /** How many days of the period have no stored metrics yet. */
    public int daysMissing() {
        return (int) (period.end().toEpochDay() - period.start().toEpochDay()) - chat.daysComputed();
    }
}
