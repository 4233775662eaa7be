package io.signaldesk.subscriptions.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.EngineTest;
import io.signaldesk.EngineTestConfiguration;
import io.signaldesk.market.Timeframe;
import io.signaldesk.subscriptions.DueSubscription;
import io.signaldesk.subscriptions.SubscriptionSchedule;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A command that changes a subscription while one of its runs goes: a reset of the schedule ({@code /timeframes},
 * {@code /resume}) wins over what the run, computed from the old settings, would set; any other change (risk rules)
 * does not stop the run from scheduling the next close.
 */
@EngineTest
class ChangeDuringRunTest {

    @Autowired
    SubscriptionSchedule schedule;
    @Autowired
    SubscriptionBook book;
    @Autowired
    JdbcTemplate jdbc;

    private long destination;
    private long subscription;

    @BeforeEach
    void aNewDailySubscription() {
        jdbc.update("delete from signal");
        jdbc.update("delete from subscription");
        EngineTestConfiguration.CLOCK.set(Instant.parse("2026-11-29T15:59:00Z"));
        destination = jdbc.queryForObject("insert into chat_destination (platform, chat_id, is_group) values ('TELEGRAM', ?, false)"
                + " returning id", Long.class, "change-during-run-" + System.nanoTime());
        long user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        subscription = jdbc.queryForObject("""
                insert into subscription (user_id, destination_id, bot_template_id, exchange, primary_pair, timeframes, started_at,
                                          max_open_positions, max_consecutive_losses, daily_trade_limit, cooldown_minutes)
                values (?, ?, (select id from bot_template order by id limit 1), 'sim', 'BTC/USDT', '{1d}', ?, 1, 3, 5, 0)
                returning id""", Long.class, user, destination, Timestamp.from(Instant.parse("2026-11-28T00:00:00Z")));
    }

    @Test
    void aTimeframesChangeDuringTheFirstRunWinsOverTheNextRunOfTheOldBaseTimeframe() {
        DueSubscription run = claim();
        assertThat(run.dueAt()).as("new: due at once").isNull();

        assertThat(book.setTimeframes(destination, subscription, List.of(Timeframe.M30))).isTrue(); // 1d -> 30m while it runs
        schedule.complete(run, Instant.parse("2026-11-30T00:01:30Z")); // the old 1d base's next close

        assertThat(nextRunAt()).as("due at once, by the new timeframes").isNull();
        assertThat(claimedUntil()).as("the claim ended").isNull();
    }

    @Test
    void aResumeDuringARunWinsToo() {
        jdbc.update("update subscription set next_run_at = ? where id = ?", Timestamp.from(Instant.parse("2026-11-29T15:58:00Z")), subscription);
        DueSubscription run = claim();

        assertThat(book.setStatus(destination, subscription, "PAUSED")).isTrue();
        assertThat(book.setStatus(destination, subscription, "ACTIVE")).isTrue();
        schedule.complete(run, Instant.parse("2026-11-30T00:01:30Z"));

        assertThat(nextRunAt()).isNull();
    }

    @Test
    void aRiskRuleChangeDuringARunLeavesTheNextRunToTheRun() {
        jdbc.update("update subscription set next_run_at = ? where id = ?", Timestamp.from(Instant.parse("2026-11-29T15:58:00Z")), subscription);
        DueSubscription run = claim();

        assertThat(book.setRiskRule(destination, subscription, "daily_trade_limit", 9)).isTrue();
        schedule.complete(run, Instant.parse("2026-11-30T00:01:30Z"));

        assertThat(nextRunAt()).isEqualTo(Instant.parse("2026-11-30T00:01:30Z"));
    }

    @Test
    void aRiskRuleChangeDuringABrandNewSubscriptionsFirstRunDoesNotMakeItDueAgainAtOnce() {
        DueSubscription run = claim();
        assertThat(run.dueAt()).as("new: due at once").isNull();

        assertThat(book.setRiskRule(destination, subscription, "daily_trade_limit", 9)).isTrue();
        schedule.complete(run, Instant.parse("2026-11-30T00:01:30Z"));

        assertThat(nextRunAt()).as("the run's next close, not a second run of the same close").isEqualTo(Instant.parse("2026-11-30T00:01:30Z"));
    }

    @Test
    void aStaleResumePressOnAnActiveSubscriptionDoesNotMakeItDueAgain() {
        jdbc.update("update subscription set next_run_at = ? where id = ?", Timestamp.from(Instant.parse("2026-11-30T00:01:30Z")), subscription);

        assertThat(book.setStatus(destination, subscription, "ACTIVE")).isTrue();

        assertThat(nextRunAt()).isEqualTo(Instant.parse("2026-11-30T00:01:30Z"));
    }

    private DueSubscription claim() {
        List<DueSubscription> claimed = schedule.claimDue(EngineTestConfiguration.CLOCK.instant(), 10, "change-test", Duration.ofSeconds(60));
        assertThat(claimed).extracting(DueSubscription::id).containsExactly(subscription);
        return claimed.getFirst();
    }

    private Instant nextRunAt() {
        Timestamp at = jdbc.queryForObject("select next_run_at from subscription where id = ?", Timestamp.class, subscription);
        return at == null ? null : at.toInstant();
    }

    private Instant claimedUntil() {
        Timestamp at = jdbc.queryForObject("select claimed_until from subscription where id = ?", Timestamp.class, subscription);
        return at == null ? null : at.toInstant();
    }
}
