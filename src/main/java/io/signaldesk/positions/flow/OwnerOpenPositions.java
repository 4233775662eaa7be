package io.signaldesk.positions.flow;

import io.signaldesk.market.Symbol;
import io.signaldesk.signals.OpenPositions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The signal flow's view of positions: a pair is taken when the owner holds any open position on it (any account,
 * exchange or source: a BTC/USDT position on Bybit also holds a BTC/USDT subscription on Binance), and a bot's open
 * positions are the owner's open rows carrying its code (from "I took it"; a stand-in awaiting its exchange position
 * counts once, see {@link io.signaldesk.positions.AwaitingExchangeLink}).
 */
@Component
class OwnerOpenPositions implements OpenPositions {

    private final JdbcClient jdbc;

    OwnerOpenPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean hasOpenPosition(long userId, Symbol pair) {
        return jdbc.sql("select exists (select 1 from position where user_id = ? and pair = ? and status = 'OPEN')")
                .params(userId, pair.toString()).query(Boolean.class).single();
    }

    @Override
    public int openOfBot(long userId, String bot) {
        return jdbc.sql("select count(*) from position where user_id = ? and bot = ? and status = 'OPEN'")
                .params(userId, bot).query(Integer.class).single();
    }
}
