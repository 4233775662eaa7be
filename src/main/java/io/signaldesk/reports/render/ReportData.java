package io.signaldesk.reports.render;

import io.signaldesk.chat.LocalizedText;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one chat's report for one period shows, read from the stored daily metrics when it is rendered.
 *
 * @param rows        signals and outcomes per bot and pair in the period, busiest first
 * @param best        the period's best closed signal by R, if any closed
 * @param worst       the period's worst closed signal by R, if any closed (not the best one)
 * @param previous    the same figures summed over the period before, for the comparison
 * @param record      the chat's track record to date (every signal of its subscriptions, live or cancelled)
 * @param equity      the fixed-risk signal equity at the end of each day of the period (1.0 = start), oldest first
 * @param user        the owner's positions and account equity, for a private chat whose user has any
 * @param validations the validation line of each bot and market the chat follows
 * @param gaps        days of the period whose metrics say the data was missing (no candles, an exchange outage)
 */
public record ReportData(ReportPeriod period, List<Row> rows, Optional<Extreme> best, Optional<Extreme> worst, Totals previous,
                         Record record, List<Point> equity, Optional<UserPart> user, List<Validation> validations, List<String> gaps) {

    public ReportData {
        rows = List.copyOf(rows);
        equity = List.copyOf(equity);
        validations = List.copyOf(validations);
        gaps = List.copyOf(gaps);
    }

    /** One bot on one pair in the period. */
    public record Row(String bot, String pair, int issued, int wins, int losses, int expired, int notFilled, double sumR) {

        public int closed() {
            return wins + losses + expired;
        }
    }

    /** The period's figures summed. */
    public record Totals(int issued, int wins, int losses, int expired, int notFilled, double sumR) {

        public static Totals of(List<Row> rows) {
            return new Totals(rows.stream().mapToInt(Row::issued).sum(), rows.stream().mapToInt(Row::wins).sum(),
                    rows.stream().mapToInt(Row::losses).sum(), rows.stream().mapToInt(Row::expired).sum(),
                    rows.stream().mapToInt(Row::notFilled).sum(), rows.stream().mapToDouble(Row::sumR).sum());
        }

        public int closed() {
            return wins + losses + expired;
        }

        /** Wins over wins plus losses; null before the first of either. */
        public Double winRate() {
            return wins + losses == 0 ? null : (double) wins / (wins + losses);
        }

        public Double averageR() {
            return closed() == 0 ? null : sumR / closed();
        }
    }

    /** A closed signal singled out: its bot, pair, side, outcome and R, and when it closed. */
    public record Extreme(String bot, String pair, String side, String outcome, double r, Instant closedAt) {
    }

    /** The track record to date. */
    public record Record(int signals, int open, int wins, int losses, int expired, Double winRate, Double averageR) {
    }

    /** The fixed-risk signal equity at a moment, and the account equity in USDT then where the user has one. */
    public record Point(Instant at, double signalEquity, BigDecimal accountEquity) {
    }

    /** A user's own figures: realized and unrealized PnL, equity at the end and its change over the period, open positions. */
    public record UserPart(BigDecimal realizedPnl, BigDecimal unrealizedPnl, BigDecimal equity, BigDecimal equityChange,
                           int openPositions) {
    }

    /** A followed bot on a market and its validation line. */
    public record Validation(String bot, String market, LocalizedText line) {
    }

    public Totals totals() {
        return Totals.of(rows);
    }

    /** Nothing happened: no signal issued or closed, no position figures. */
    public boolean nothingToReport() {
        Totals totals = totals();
        return totals.issued() == 0 && totals.closed() == 0 && totals.notFilled() == 0 && user.isEmpty();
    }
}
