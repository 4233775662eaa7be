package io.signaldesk.subscriptions.commands;

import static io.signaldesk.chat.ChatReplies.text;
import static io.signaldesk.chat.ChatReplies.trader;
import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import io.signaldesk.chat.LocalizedText;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.subscriptions.ValidationHolds;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * /resume of a subscription the nightly validation paused is refused, naming the validation and its figures, and
 * nothing changes; /pause records that the user paused (so a later pass never resumes it).
 */
@IntegrationTest
class ValidationPauseCommandsTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(System.nanoTime() / 1000 + 77);

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SubscriptionBook book;
    @Autowired
    ValidationHolds holds;

    @Test
    void resumingASubscriptionTheValidationPausedIsRefusedWithTheFiguresAndChangesNothing() {
        ChatAccount trader = trader(ACCOUNTS);
        ChatReplies.typed(dispatcher, trader, "/subscribe sim BTC/USDT 1h");
        long id = subscriptionOf(trader);
        jdbc.update("""
                update subscription set status = 'PAUSED', paused_by = 'validation', validation_holds = '{BTC/USDT}',
                       pause_reason = '⚠ not validated 2026-11-30: Sharpe 0.4 is not above 1.0 (Sharpe 0.4, return +5 %, DD 12 %)',
                       pause_reason_vi = '⚠ chưa đạt kiểm định 2026-11-30: Sharpe 0.4 không lớn hơn 1.0'
                 where id = ?""", id);

        String refused = text(ChatReplies.typed(dispatcher, trader, "/resume 1"));

        assertThat(refused).isEqualTo("#1 (sim BTC/USDT) stays paused: its bot did not pass the nightly validation on BTC/USDT"
                + " (⚠ not validated 2026-11-30: Sharpe 0.4 is not above 1.0 (Sharpe 0.4, return +5 %, DD 12 %)). It resumes by itself,"
                + " and you are told, as soon as a later validation passes; /bots shows how the bot stands.");
        assertThat(jdbc.queryForObject("select status || ' ' || paused_by from subscription where id = ?", String.class, id))
                .isEqualTo("PAUSED validation");
        assertThat(text(ChatReplies.typed(dispatcher, trader, "/subscriptions"))).contains("\n\u23F8\uFE0F Its bot did not pass the nightly"
                + " validation on BTC/USDT (⚠ not validated 2026-11-30: Sharpe 0.4 is not above 1.0 (Sharpe 0.4, return +5 %, DD 12 %)):"
                + " it stays paused until a later validation passes.");
    }

    @Test
    void removingTheOnlyHeldSecondaryPairDropsItsHoldAndResumesAndAHoldOnAPairStillUsedStays() {
        ChatAccount trader = trader(ACCOUNTS);
        ChatReplies.typed(dispatcher, trader, "/subscribe sim BTC/USDT 1h");
        ChatReplies.typed(dispatcher, trader, "/pairs add ETH/USDT 1");
        ChatReplies.typed(dispatcher, trader, "/pairs add SOL/USDT 1");
        long id = subscriptionOf(trader);
        jdbc.update("update subscription set status = 'PAUSED', paused_by = 'validation', validation_holds = '{ETH/USDT,SOL/USDT}',"
                + " pause_reason = 'x', pause_reason_vi = 'x' where id = ?", id);

        ChatReplies.typed(dispatcher, trader, "/pairs remove ETH/USDT 1");
        assertThat(jdbc.queryForObject("select status || ' ' || paused_by || ' ' || validation_holds::text from subscription where id = ?",
                String.class, id)).as("SOL/USDT is still held").isEqualTo("PAUSED validation {SOL/USDT}");

        String answer = text(ChatReplies.typed(dispatcher, trader, "/pairs remove SOL/USDT 1"));

        assertThat(answer).endsWith("\n#1 runs again: the nightly validation had paused it only for the pair removed.");
        assertThat(jdbc.queryForObject("select status || ' ' || coalesce(paused_by, 'null') || ' ' || validation_holds::text"
                + " from subscription where id = ?", String.class, id)).isEqualTo("ACTIVE null {}");
    }

    @Test
    void aHoldLeftOnAPairTheSubscriptionNoLongerUsesRefusesNoResume() {
        ChatAccount trader = trader(ACCOUNTS);
        ChatReplies.typed(dispatcher, trader, "/subscribe sim ADA/USDT 1h");
        long id = subscriptionOf(trader);
        jdbc.update("update subscription set status = 'PAUSED', paused_by = 'validation', validation_holds = '{XRP/USDT}' where id = ?", id);

        ChatReplies.typed(dispatcher, trader, "/resume 1");

        assertThat(jdbc.queryForObject("select status from subscription where id = ?", String.class, id)).isEqualTo("ACTIVE");
    }

    @Test
    void aResumeDoesNotUndoAHoldCommittedAfterItsCheckAndAHoldPausesAnActiveSubscriptionAlreadyHeld() {
        ChatAccount trader = trader(ACCOUNTS);
        ChatReplies.typed(dispatcher, trader, "/subscribe sim ETH/USDT 1h");
        long id = subscriptionOf(trader);
        long destination = jdbc.queryForObject("select destination_id from subscription where id = ?", Long.class, id);
        // the user's pause, then a hold committed between the resume's check and its update
        ChatReplies.typed(dispatcher, trader, "/pause 1");
        jdbc.update("update subscription set validation_holds = '{ETH/USDT}' where id = ?", id);

        assertThat(book.setStatus(destination, id, "ACTIVE")).as("the resume did not apply").isFalse();
        assertThat(jdbc.queryForObject("select status from subscription where id = ?", String.class, id)).isEqualTo("PAUSED");

        // a timeframe set no other subscription has, so that the hold reaches this one only
        jdbc.update("update subscription set status = 'ACTIVE', paused_by = null, timeframes = '{1d,15m,4h}' where id = ?", id);
        String bot = jdbc.queryForObject("select b.code from subscription s join bot_template b on b.id = s.bot_template_id where s.id = ?",
                String.class, id);
        int paused = holds.hold(bot, ExchangeId.SIM, Symbol.parse("ETH/USDT"), List.of(Timeframe.M15, Timeframe.H4, Timeframe.D1), new LocalizedText("failed", "failed"));

        assertThat(paused).isEqualTo(1);
        assertThat(jdbc.queryForObject("select status || ' ' || paused_by || ' ' || validation_holds::text from subscription where id = ?",
                String.class, id)).isEqualTo("PAUSED validation {ETH/USDT}");
    }

    @Test
    void aUsersPauseIsRecordedAsTheirsAndTheirResumeClearsIt() {
        ChatAccount trader = trader(ACCOUNTS);
        ChatReplies.typed(dispatcher, trader, "/subscribe sim ETH/USDT 1h");
        long id = subscriptionOf(trader);

        ChatReplies.typed(dispatcher, trader, "/pause 1");
        assertThat(jdbc.queryForObject("select status || ' ' || paused_by from subscription where id = ?", String.class, id))
                .isEqualTo("PAUSED user");
        ChatReplies.typed(dispatcher, trader, "/resume 1");
        assertThat(jdbc.queryForObject("select status || ' ' || coalesce(paused_by, 'null') from subscription where id = ?", String.class, id))
                .isEqualTo("ACTIVE null");
    }

    private long subscriptionOf(ChatAccount trader) {
        return jdbc.queryForObject("select s.id from subscription s join chat_destination d on d.id = s.destination_id where d.chat_id = ?",
                Long.class, trader.externalId());
    }
}
