package io.signaldesk.market.store;

import io.signaldesk.ops.RetentionPolicy;
import io.signaldesk.market.Timeframe;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Candles by timeframe: 1m-15m for {@code signaldesk.retention.candles-intraday} (30 days), 30m-12h for
 * {@code signaldesk.retention.candles-hourly} (2 years), daily candles kept. Only closed candles go; the series' sync
 * state stays. An intraday timeframe keeps at least the span one {@code /backtest} may replay on it
 * ({@code signaldesk.backtest.max-candles}, 50,000 candles: 1m 35 days, 3m 104, 5m 174, 15m 521), so imported or
 * back-filled history a backtest needs is not deleted the night after it was stored.
 */
@Configuration(proxyBeanMethods = false)
class CandleRetention {

    static final String HOURLY = "timeframe in ('30m', '1h', '2h', '4h', '6h', '12h')";

    @Bean
    RetentionPolicy oneMinuteCandlePolicy(@Value("${signaldesk.retention.candles-intraday}") Duration age,
                                          @Value("${signaldesk.backtest.max-candles}") int backtestCandles) {
        return intraday("1m", age, backtestCandles);
    }

    @Bean
    RetentionPolicy threeMinuteCandlePolicy(@Value("${signaldesk.retention.candles-intraday}") Duration age,
                                            @Value("${signaldesk.backtest.max-candles}") int backtestCandles) {
        return intraday("3m", age, backtestCandles);
    }

    @Bean
    RetentionPolicy fiveMinuteCandlePolicy(@Value("${signaldesk.retention.candles-intraday}") Duration age,
                                           @Value("${signaldesk.backtest.max-candles}") int backtestCandles) {
        return intraday("5m", age, backtestCandles);
    }

    @Bean
    RetentionPolicy fifteenMinuteCandlePolicy(@Value("${signaldesk.retention.candles-intraday}") Duration age,
                                              @Value("${signaldesk.backtest.max-candles}") int backtestCandles) {
        return intraday("15m", age, backtestCandles);
    }

    /** One intraday timeframe's policy: the setting, or the span a backtest may replay on it when that is longer (0: for ever). */
    static RetentionPolicy intraday(String timeframe, Duration age, int backtestCandles) {
        Duration replayable = Timeframe.parse(timeframe).orElseThrow().duration().multipliedBy(backtestCandles);
        Duration kept = age.isZero() || replayable.compareTo(age) <= 0 ? age : replayable;
        return RetentionPolicy.deleting("candles-" + timeframe, "candle", "open_time", kept).where("timeframe = '" + timeframe + "' and closed");
    }

    @Bean
    RetentionPolicy hourlyCandlePolicy(@Value("${signaldesk.retention.candles-hourly}") Duration age) {
        return RetentionPolicy.deleting("candles-hourly", "candle", "open_time", age).where(HOURLY + " and closed");
    }
}
