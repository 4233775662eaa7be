package io.signaldesk.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class ActiveSubscriptionSeriesTest {

    @Autowired
    ActiveSubscriptionSeries series;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void noOtherSubscriptions() {
        jdbc.update("delete from signal");
        jdbc.update("delete from subscription");
    }

    @Test
    void everyPairAtEveryTimeframeOfActiveStartedUnexpiredSubscriptionsOnce() {
        long alice = user();
        long bob = user();
        subscribe(alice, "sim", "BTC/USDT", "{ETH/USDT}", "{30m,1h}", "ACTIVE", "now() - interval '1 day'", null);
        subscribe(bob, "sim", "ETH/USDT", "{}", "{1h}", "ACTIVE", "now() - interval '1 hour'", "now() + interval '1 day'");
        subscribe(bob, "sim", "SOL/USDT", "{}", "{4h}", "PAUSED", "now() - interval '1 hour'", null);
        subscribe(bob, "bybit", "SOL/USDT", "{}", "{4h}", "ACTIVE", "now() + interval '1 hour'", null);
        subscribe(alice, "sim", "XRP/USDT", "{}", "{4h}", "ACTIVE", "now() - interval '2 day'", "now() - interval '1 day'");

        assertThat(series.requiredSeries()).containsExactlyInAnyOrder(
                sim("BTC", Timeframe.M30), sim("BTC", Timeframe.H1), sim("ETH", Timeframe.M30), sim("ETH", Timeframe.H1));
    }

    private long user() {
        return jdbc.queryForObject("insert into app_user default values returning id", Long.class);
    }

    private void subscribe(long user, String exchange, String pair, String secondary, String timeframes, String status,
                           String startedAt, String expiresAt) {
        jdbc.update(("insert into subscription (user_id, bot_template_id, exchange, primary_pair, secondary_pairs, timeframes, "
                + "status, started_at, expires_at) values (?, (select id from bot_template where code = 'futures-signals'), "
                + "?, ?, ?::text[], ?::text[], ?, %s, %s)").formatted(startedAt, expiresAt == null ? "null" : expiresAt),
                user, exchange, pair, secondary, timeframes, status);
    }

    private static SeriesKey sim(String base, Timeframe timeframe) {
        return new SeriesKey(ExchangeId.SIM, MarketType.PERPETUAL, new Symbol(base, "USDT"), timeframe);
    }
}
