package io.signaldesk.portfolio.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rebalancing's real price path (no test prices): a paper account on the simulated exchange holding an asset the
 * exchange has no ticker for, whose stored 4h series is fresh by the candle rule (closed 3 h ago) and whose 1m series is
 * 5 minutes old: no price, so no proposal, never one at an hours-old close. A 1m candle closed within
 * SIGNALDESK_REBALANCE_MAX_PRICE_AGE prices it.
 */
@IntegrationTest
class RebalancePricesTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(890_000_000L + System.nanoTime() % 100_000_000L);

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anHoursOldCloseNeverPricesAProposalAFreshMinuteCandleDoes() {
        String asset = "ZQ" + (System.nanoTime() % 1_000_000);
        ChatAccount trader = ChatReplies.trader(ACCOUNTS);
        ChatReplies.typed(dispatcher, trader, "/start");
        long user = jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class,
                trader.externalId());
        ChatReplies.typed(dispatcher, trader, "/rebalance drift paper 5");
        long paper = jdbc.queryForObject("select id from exchange_account where user_id = ? and kind = 'PAPER'", Long.class, user);
        jdbc.update("insert into paper_spot_holding (account_id, asset, quantity, updated_at) values (?, 'USDT', 1000, now()), (?, ?, 2000, now())",
                paper, paper, asset);
        Instant now = Instant.now();
        Instant fourHours = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(now.atZone(java.time.ZoneOffset.UTC).getHour() % 4));
        candle(asset, "4h", fourHours.minus(Duration.ofHours(8)), "0.5");
        candle(asset, "1m", now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(6)), "0.5");

        assertThat(ChatReplies.text(ChatReplies.typed(dispatcher, trader, "/rebalance paper"))).contains(asset + " cannot be priced");
        assertThat(jdbc.queryForObject("select count(*) from rebalance_proposal where account_id = ?", Integer.class, paper)).isZero();

        candle(asset, "1m", now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1)), "0.42");
        String line = ChatReplies.text(ChatReplies.typed(dispatcher, trader, "/rebalance paper"));

        assertThat(line).contains("its card follows");
        String prices = jdbc.queryForObject("select prices::text from rebalance_proposal where id = ?", String.class, RebalanceCards.named(line));
        assertThat(prices).contains("\"" + asset + "\": 0.42");
    }

    /** A closed candle of {@code sim ASSET/USDT} opening at {@code open}, and its series' status saying so. */
    private void candle(String asset, String timeframe, Instant open, String close) {
        String symbol = asset + "/USDT";
        jdbc.update("""
                insert into candle (exchange, market_type, symbol, timeframe, open_time, open, high, low, close, volume, closed, updated_at)
                values ('sim', 'PERPETUAL', ?, ?, ?, ?, ?, ?, ?, 1, true, now())""", symbol, timeframe, Timestamp.from(open),
                new BigDecimal(close), new BigDecimal(close), new BigDecimal(close), new BigDecimal(close));
        jdbc.update("""
                insert into candle_series (exchange, market_type, symbol, timeframe, last_closed_open_time, last_success_at, last_attempt_at)
                values ('sim', 'PERPETUAL', ?, ?, ?, now(), now())
                on conflict (exchange, market_type, symbol, timeframe) do update set last_closed_open_time = excluded.last_closed_open_time""",
                symbol, timeframe, Timestamp.from(open));
    }
}
