package io.signaldesk.signals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The honest record of a bot or a subscription: every signal counted, open ones shown apart, win
 * rate over take-profits and stops only (expired signals are neither), average R over every closed
 * signal (expired ones at their last close), and how often each confidence band was right. A signal
 * whose limit entry price was never touched after issue ({@code NOT_FILLED}) was never a trade: it is counted
 * apart and left out of win rate, average R and calibration. Outcomes closed before V13 were judged
 * under the old rule (from the candle after the signal's, {@code outcome_rule = 'SIGNAL_CANDLE'}) and are
 * counted as they were stored; see the README.
 */
@Component
public class TrackRecord {

    /**
     * @param winRate  wins over wins plus losses, null before the first of either
     * @param notFilled closed without their limit entry ever being touched: neither win, loss nor R
     * @param averageR mean R of closed filled signals, null before the first
     */
    public record Summary(int signals, int open, int wins, int losses, int expired, int notFilled, Double winRate,
                          Double averageR, List<CalibrationBand> calibration) {
    }

    /** Signals issued with a confidence in [from, to) that reached a target or a stop, and how many won. */
    public record CalibrationBand(double from, double to, int decided, int wins, Double winRate) {
    }

    private static final String SUMMARY = """
            select count(*) as signals,
                   count(*) filter (where status = 'OPEN') as open,
                   count(*) filter (where status = 'TAKE_PROFIT') as wins,
                   count(*) filter (where status = 'STOP_LOSS') as losses,
                   count(*) filter (where status = 'EXPIRED') as expired,
                   count(*) filter (where status = 'NOT_FILLED') as not_filled,
                   avg(r_multiple) filter (where status not in ('OPEN', 'NOT_FILLED')) as average_r
              from signal where %s""";

    private static final String CALIBRATION = """
            select least(floor(confidence * 10), 9) / 10.0 as band,
                   count(*) as decided,
                   count(*) filter (where status = 'TAKE_PROFIT') as wins
              from signal where %s and status in ('TAKE_PROFIT', 'STOP_LOSS')
             group by 1 order by 1""";

    private final JdbcTemplate jdbc;

    TrackRecord(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Summary forBot(long botTemplateId) {
        return summary("bot_template_id = ?", botTemplateId);
    }

    /** The signals of a bot (every subscription to it) issued since {@code since}. */
    public Summary forBot(long botTemplateId, Instant since) {
        return summary("bot_template_id = ? and issued_at >= ?", botTemplateId, Timestamp.from(since));
    }

    public Summary forSubscription(long subscriptionId) {
        return summary("subscription_id = ?", subscriptionId);
    }

    /** The signals of several subscriptions (a chat's) issued since {@code since}. */
    public Summary forSubscriptions(List<Long> subscriptionIds, Instant since) {
        return summary("subscription_id = any (?::bigint[]) and issued_at >= ?",
                "{" + subscriptionIds.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}",
                Timestamp.from(since));
    }

    private Summary summary(String where, Object... parameters) {
        List<CalibrationBand> calibration = jdbc.query(CALIBRATION.formatted(where), (row, index) -> {
            double band = row.getDouble("band");
            int decided = row.getInt("decided");
            int wins = row.getInt("wins");
            return new CalibrationBand(band, band + 0.1, decided, wins, decided == 0 ? null : (double) wins / decided);
        }, parameters);
        return jdbc.queryForObject(SUMMARY.formatted(where), (row, index) -> {
            int wins = row.getInt("wins");
            int losses = row.getInt("losses");
            java.math.BigDecimal averageR = row.getBigDecimal("average_r");
            return new Summary(row.getInt("signals"), row.getInt("open"), wins, losses, row.getInt("expired"), row.getInt("not_filled"),
                    wins + losses == 0 ? null : (double) wins / (wins + losses),
                    averageR == null ? null : averageR.doubleValue(), calibration);
        }, parameters);
    }
}
