package io.signaldesk.market.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A pair the simulated exchange does not list (LUNA/USDT): its sync is refused, the listing asked again has no such
 * pair, so the active subscriptions using it are paused and their chats told once, through the outbox.
 */
@IntegrationTest
class DelistedPairsTest {

    @Autowired
    SyncCandles sync;
    @Autowired
    MarketInputs markets;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DelistedPairs delisted;

    @Test
    void aPairTheExchangeNoLongerListsPausesItsSubscriptionsAndTellsTheirChatOnce() {
        long user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        long chat = jdbc.queryForObject("insert into chat_destination (platform, chat_id, is_group) values ('TELEGRAM', ?, false) returning id",
                Long.class, "delisted-" + System.nanoTime());
        long primary = subscription(user, chat, "LUNA/USDT", "{}", "ACTIVE");
        long secondary = subscription(user, chat, "BTC/USDT", "{LUNA/USDT}", "ACTIVE");
        long alreadyPaused = subscription(user, chat, "ETH/USDT", "{LUNA/USDT}", "PAUSED");
        long other = subscription(user, chat, "SOL/USDT", "{}", "ACTIVE");
        var luna = markets.series(ExchangeId.SIM, Symbol.parse("LUNA/USDT"), Timeframe.H1);

        sync.sync(Set.of(luna));
        sync.sync(Set.of(luna));

        assertThat(jdbc.queryForList("select status from subscription where id = any (array[?, ?, ?, ?]::bigint[]) order by id", String.class,
                primary, secondary, alreadyPaused, other)).containsExactly("PAUSED", "PAUSED", "PAUSED", "ACTIVE");
        assertThat(jdbc.queryForList("select payload->>'text' from delivery where destination_id = ? and kind = 'NOTICE' order by id",
                String.class, chat)).containsExactly(
                "Simulated exchange no longer lists LUNA/USDT, so subscription #1 (Simulated exchange LUNA/USDT) is paused: it could"
                        + " produce nothing more. Start one on another pair with /subscribe, and remove this one with /unsubscribe 1.",
                "Simulated exchange no longer lists LUNA/USDT, a pair of subscription #2 (Simulated exchange BTC/USDT (+LUNA/USDT)), so it"
                        + " is paused. Remove the pair with /pairs remove LUNA/USDT 2, then /resume 2.");
    }

    @Test
    void aRefusalForAPairStillListedPausesNothing() {
        long user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        long chat = jdbc.queryForObject("insert into chat_destination (platform, chat_id, is_group) values ('TELEGRAM', ?, false) returning id",
                Long.class, "listed-" + System.nanoTime());
        long listed = subscription(user, chat, "XRP/USDT", "{}", "ACTIVE");
        var key = markets.series(ExchangeId.SIM, Symbol.parse("XRP/USDT"), Timeframe.H1);

        assertThat(delisted.confirm(java.util.Map.of(key, "bad interval"))).isEmpty();
        assertThat(jdbc.queryForObject("select status from subscription where id = ?", String.class, listed)).isEqualTo("ACTIVE");
    }

    private long subscription(long user, long chat, String pair, String secondary, String status) {
        return jdbc.queryForObject("""
                insert into subscription (user_id, destination_id, bot_template_id, exchange, primary_pair, secondary_pairs, timeframes, status)
                select ?, ?, id, 'sim', ?, ?::text[], '{1h}', ? from bot_template order by id limit 1 returning id""",
                Long.class, user, chat, pair, secondary, status);
    }
}
