package io.signaldesk.signals.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.EngineTest;
import io.signaldesk.risk.LossStreak;
import io.signaldesk.risk.RiskContext;
import io.signaldesk.risk.RiskRules;
import io.signaldesk.risk.RiskVerdict;
import io.signaldesk.risk.policies.ConsecutiveLossesPolicy;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The loss streak over a subscription's closed signals, on the real database, and the pause it causes. */
@EngineTest
class RiskHistoryTest {

    private static final Instant T0 = Instant.parse("2026-12-10T00:00:00Z");
    private static final RiskRules LIMIT_3 = new RiskRules(5, 3, 100, Duration.ZERO);

    @Autowired
    RiskHistory history;
    @Autowired
    ConsecutiveLossesPolicy policy;
    @Autowired
    JdbcTemplate jdbc;

    private long subscription;
    private long user;
    private long bot;
    private int candle;

    @BeforeEach
    void oneSubscription() {
        jdbc.update("delete from signal");
        bot = jdbc.queryForObject("select id from bot_template where code = 'futures-signals'", Long.class);
        user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        subscription = jdbc.queryForObject("insert into subscription (user_id, bot_template_id, exchange, primary_pair, timeframes) "
                + "values (?, ?, 'sim', 'RISK/USDT', '{1h}') returning id", Long.class, user, bot);
    }

    @Test
    void threeLossesSpreadOver30HoursBlockUntil24HoursAfterTheThirdLoss() {
        closed("STOP_LOSS", 0);
        closed("STOP_LOSS", 14);
        closed("STOP_LOSS", 30);

        assertThat(history.of(subscription, hours(31))).isEqualTo(new LossStreak(3, hours(30)));
        assertThat(verdict(hours(31)).passed()).isFalse();
        assertThat(verdict(hours(31)).detail()).isEqualTo("Consecutive losses limit reached: 3 losses in a row, limit 3; "
                + "new signals paused until 2026-12-12 06:00 UTC (24 h after the last loss).");
        assertThat(verdict(hours(54).minusSeconds(1)).passed()).as("still blocked a second before the pause ends").isFalse();
        assertThat(verdict(hours(54)).passed()).as("24 h after the third loss").isTrue();
    }

    @Test
    void aWinInBetweenResetsTheStreak() {
        closed("STOP_LOSS", 0);
        closed("STOP_LOSS", 2);
        closed("TAKE_PROFIT", 3);
        closed("STOP_LOSS", 4);
        closed("STOP_LOSS", 5);

        assertThat(history.of(subscription, hours(6))).isEqualTo(new LossStreak(2, hours(5)));
        assertThat(verdict(hours(6)).passed()).isTrue();
    }

    @Test
    void expiredAndNotFilledSignalsNeitherExtendNorResetTheStreak() {
        closed("STOP_LOSS", 0);
        closed("EXPIRED", 1);
        closed("STOP_LOSS", 2);
        closed("NOT_FILLED", 3);
        closed("STOP_LOSS", 4);

        assertThat(history.of(subscription, hours(5))).isEqualTo(new LossStreak(3, hours(4)));
        assertThat(verdict(hours(5)).passed()).isFalse();
    }

    @Test
    void afterThePauseAFurtherLossBlocksAgainFromThatLoss() {
        closed("STOP_LOSS", 0);
        closed("STOP_LOSS", 1);
        closed("STOP_LOSS", 2);
        assertThat(verdict(hours(26)).passed()).isTrue();

        closed("STOP_LOSS", 27);

        assertThat(history.of(subscription, hours(28)).losses()).isEqualTo(4);
        assertThat(verdict(hours(28)).passed()).isFalse();
        assertThat(verdict(hours(51)).passed()).isTrue();
    }

    @Test
    void signalsClosedAfterTheMomentAskedAboutAreNotCounted() {
        closed("STOP_LOSS", 0);
        closed("STOP_LOSS", 10);

        assertThat(history.of(subscription, hours(5))).isEqualTo(new LossStreak(1, hours(0)));
        assertThat(history.of(subscription, hours(-1))).isEqualTo(LossStreak.NONE);
        RiskContext context = history.contextFor(subscription, user, hours(11), ZoneOffset.UTC);
        assertThat(context.lossStreak()).isEqualTo(new LossStreak(2, hours(10)));
    }

    private RiskVerdict verdict(Instant now) {
        return policy.check(LIMIT_3, history.contextFor(subscription, user, now, ZoneOffset.UTC));
    }

    private static Instant hours(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    /** A signal of the subscription that closed with {@code status} at T0 + {@code hour}. */
    private void closed(String status, int hour) {
        Instant closedAt = hours(hour);
        Instant candleOpen = T0.minus(Duration.ofHours(100 - candle++));
        jdbc.update("""
                insert into signal (subscription_id, bot_template_id, exchange, market_type, symbol, timeframe, candle_open_time,
                                    action, confidence, entry, stop_loss, take_profits, risk_reward, reasoning, analyst,
                                    analyst_version, issued_at, status, closed_at)
                values (?, ?, 'sim', 'PERPETUAL', 'RISK/USDT', '1h', ?, 'BUY', 0.7, 100, 95, '{110}', 2, 'test', 'technical', '1', ?, ?, ?)""",
                subscription, bot, Timestamp.from(candleOpen), Timestamp.from(candleOpen.plus(Duration.ofHours(1))), status,
                Timestamp.from(closedAt));
    }
}
