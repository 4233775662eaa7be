package io.signaldesk.backtest.run;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One {@code backtest_run} row: who asked, where its message is, what to replay.
 *
 * @param messageId the platform's id of the progress message; null until the adapter reported it
 */
record BacktestRun(long id, long userId, long destinationId, Locale locale, String messageId, ExchangeId exchange, Symbol pair,
                   List<Timeframe> timeframes, int days, String bot, Instant from, Instant to, Status status) {

    enum Status {
        QUEUED, RUNNING, DONE, FAILED, INTERRUPTED, REFUSED;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What is asked, before it has a row. */
    record Ask(long userId, long destinationId, Locale locale, ExchangeId exchange, Symbol pair, List<Timeframe> timeframes, int days,
               String bot, Instant from, Instant to) {
    }

    /** "#12 · futures-signals on Binance BTC/USDT 1h,4h, 180 days": how every message about the run names it. */
    String title() {
        return "#%d · %s · %s %s %s · %d d".formatted(id, bot, exchange.displayName(), pair,
                String.join(",", timeframes.stream().map(Timeframe::code).toList()), days);
    }
}
