package io.signaldesk.subscriptions;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.RequiredSeries;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The candle series that active subscriptions (active, started, not expired) need: every pair,
 * primary and secondary, at every timeframe of the subscription, each series once however many
 * subscriptions share it.
 */
@Component
class ActiveSubscriptionSeries implements RequiredSeries {

    private static final Logger log = LoggerFactory.getLogger(ActiveSubscriptionSeries.class);

    private final JdbcTemplate jdbc;
    private final MarketInputs markets;
    private final Clock clock;

    ActiveSubscriptionSeries(JdbcTemplate jdbc, MarketInputs markets, Clock clock) {
        this.jdbc = jdbc;
        this.markets = markets;
        this.clock = clock;
    }

    @Override
    public Set<SeriesKey> requiredSeries() {
        Timestamp now = Timestamp.from(clock.instant());
        return seriesWhere("s.started_at <= ? and (s.expires_at is null or s.expires_at > ?)", now, now);
    }

    /** The series of the active subscriptions that also match {@code condition} (on {@code s}), each once, in order. */
    Set<SeriesKey> seriesWhere(String condition, Object... arguments) {
        Set<SeriesKey> series = new LinkedHashSet<>();
        jdbc.query("""
                select distinct s.exchange, p.pair, t.timeframe
                  from subscription s
                 cross join lateral unnest(array[s.primary_pair] || s.secondary_pairs) as p(pair)
                 cross join lateral unnest(s.timeframes) as t(timeframe)
                 where s.status = 'ACTIVE' and\s""" + condition + " order by 1, 2, 3",
                row -> {
                    toSeries(row.getString(1), row.getString(2), row.getString(3)).ifPresent(series::add);
                }, arguments);
        return series;
    }

    private Optional<SeriesKey> toSeries(String exchange, String pair, String timeframe) {
        Optional<ExchangeId> exchangeId = ExchangeId.parse(exchange);
        Optional<Timeframe> tf = Timeframe.parse(timeframe);
        try {
            if (exchangeId.isPresent() && tf.isPresent()) {
                return Optional.of(markets.series(exchangeId.get(), Symbol.parse(pair), tf.get()));
            }
        } catch (IllegalArgumentException badPair) {
            // reported below
        }
        log.warn("A subscription names a market SignalDesk cannot sync: {} {} {}", exchange, pair, timeframe);
        return Optional.empty();
    }
}
