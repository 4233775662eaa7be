package io.signaldesk.signals.commands;

import static io.signaldesk.chat.ChatReplies.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** /bots: each bot with its analyst, timeframes and an honest 30-day record, through the real dispatcher. */
@IntegrationTest
class BotsCommandTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(System.nanoTime() / 1000 + 23);

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void botsListsEveryTemplateWithItsRecordOfTheLastThirtyDaysAndSaysWhenNothingClosedYet() {
        ChatAccount trader = account();
        jdbc.update("""
                insert into bot_template (code, name, bot_type, default_timeframes, analyst) values
                  ('bots-test-a', 'Bots Test A', 'SIGNALS_FUTURES', '{1h,4h}', 'technical'),
                  ('bots-test-b', 'Bots Test B', 'SIGNALS_FUTURES', '{4h}', 'llm')""");
        try {
            ChatReplies.typed(dispatcher, trader, "/subscribe sim BTC/USDT 1h bot=bots-test-a");
            ChatReplies.typed(dispatcher, trader, "/subscribe sim BTC/USDT 4h bot=bots-test-b");
            signal(trader, "bots-test-a", "TAKE_PROFIT", "2", 5);
            signal(trader, "bots-test-a", "TAKE_PROFIT", "2", 4);
            signal(trader, "bots-test-a", "TAKE_PROFIT", "2", 3);
            signal(trader, "bots-test-a", "STOP_LOSS", "-1", 2);
            signal(trader, "bots-test-a", "OPEN", null, 1);
            signal(trader, "bots-test-a", "STOP_LOSS", "-1", 24 * 40);
            signal(trader, "bots-test-b", "OPEN", null, 1);

            String bots = text(ChatReplies.typed(dispatcher, trader, "/bots"));

            assertThat(bots).startsWith("Bots you can subscribe to (track record of the last 30 days):\n"
                    + "• Futures Signals (futures-signals, the default) — technical analyst — 30m,1h,4h\n");
            assertThat(bots).contains("""
                    • Bots Test A (bots-test-a) — technical analyst — 1h,4h
                    \u00a0\u00a05 signals (1 open): win rate 75% (3 of 4 decided), average R 1.25
                    \u00a0\u00a0Simulated exchange BTC/USDT: simulated data: never validated
                    • Bots Test B (bots-test-b) — LLM analyst (no model set up here: the technical analyst answers for it) — 4h
                    \u00a0\u00a0no closed signals yet (1 open)
                    \u00a0\u00a0Simulated exchange BTC/USDT: simulated data: never validated
                    """);
            assertThat(bots).endsWith("Subscribe to one with e.g. /subscribe binance BTC/USDT 30m,1h,4h bot=bots-test-b, or /subscribe for buttons.");
        } finally {
            jdbc.update("update subscription set status = 'CANCELLED' where bot_template_id in"
                    + " (select id from bot_template where code like 'bots-test-%')");
            jdbc.update("update bot_template set active = false where code like 'bots-test-%'");
        }
    }

    @Test
    void botsShowsEachBotsValidationStatusOnTheMarketsOfTheChatsSubscriptions() {
        ChatAccount trader = account();
        jdbc.update("insert into bot_template (code, name, bot_type, default_timeframes, analyst) values"
                + " ('bots-test-v', 'Bots Test V', 'SIGNALS_FUTURES', '{1h}', 'technical')");
        try {
            ChatReplies.typed(dispatcher, trader, "/subscribe sim BTC/USDT 1h bot=bots-test-v");
            jdbc.update("""
                    insert into subscription (user_id, destination_id, bot_template_id, exchange, primary_pair, timeframes, status)
                    select user_id, destination_id, bot_template_id, 'binance', 'BTC/USDT', timeframes, 'PAUSED' from subscription s
                      join chat_destination d on d.id = s.destination_id where d.chat_id = ?""", trader.externalId());
            jdbc.update("delete from backtest_verdict where bot = 'bots-test-v'");
            jdbc.update("""
                    insert into backtest_verdict (day, bot, exchange, pair, verdict, reason_en, reason_vi) values
                      ('2026-11-29', 'bots-test-v', 'binance', 'BTC/USDT', 'FAILED', '⚠ not validated 2026-11-29: Sharpe 0.4 is not above 1.0', 'x'),
                      ('2026-11-30', 'bots-test-v', 'binance', 'BTC/USDT', 'VALIDATED', 'validated 2026-11-30: Sharpe 1.3, return +12 %, DD 18 %',
                       'đã kiểm định 2026-11-30: Sharpe 1.3, lợi nhuận +12 %, DD 18 %')""");

            String bots = text(ChatReplies.typed(dispatcher, trader, "/bots"));

            assertThat(bots).contains("""
                    • Bots Test V (bots-test-v) — technical analyst — 1h
                    \u00a0\u00a0no closed signals yet (0 open)
                    \u00a0\u00a0Simulated exchange BTC/USDT: simulated data: never validated
                    \u00a0\u00a0Binance BTC/USDT: validated 2026-11-30: Sharpe 1.3, return +12 %, DD 18 %
                    """);
        } finally {
            jdbc.update("update subscription set status = 'CANCELLED' where bot_template_id in"
                    + " (select id from bot_template where code like 'bots-test-%')");
            jdbc.update("update bot_template set active = false where code like 'bots-test-%'");
        }
    }

    private void signal(ChatAccount trader, String bot, String status, String r, int hoursAgo) {
        jdbc.update("""
                insert into signal (subscription_id, bot_template_id, exchange, market_type, symbol, timeframe, candle_open_time, action,
                                    confidence, entry, stop_loss, take_profits, risk_reward, reasoning, analyst, analyst_version,
                                    issued_at, status, exit_price, r_multiple)
                select s.id, s.bot_template_id, 'sim', 'PERPETUAL', 'BTC/USDT', '1h', now() - make_interval(hours => ?), 'BUY', 0.7, 64000,
                       63000, '{66000}'::numeric[], 2, 'test', 'technical', '1', now() - make_interval(hours => ?), ?,
                       case when ?::numeric is null then null else 65000 end, ?::numeric
                  from subscription s join chat_destination d on d.id = s.destination_id join bot_template b on b.id = s.bot_template_id
                 where d.chat_id = ? and b.code = ?""", hoursAgo, hoursAgo, status, r, r, trader.externalId(), bot);
    }

    private static ChatAccount account() {
        return new ChatAccount(Platform.TELEGRAM, Long.toString(ACCOUNTS.incrementAndGet()), "Trader", "en");
    }
}
