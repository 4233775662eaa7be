package io.signaldesk.market.store;

import io.signaldesk.ops.RetentionPolicy;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Candles by timeframe: 1m-15m for {@code signaldesk.retention.candles-intraday} (30 days), 30m-12h for {@code signaldesk.retention.candles-hourly} (2 years), daily candles kept. Only closed candles go; the series' sync state stays. */
@Configuration(proxyBeanMethods = false)
class CandleRetention {

    static final String INTRADAY = "timeframe in ('1m', '3m', '5m', '15m')";
    static final String HOURLY = "timeframe in ('30m', '1h', '2h', '4h', '6h', '12h')";

    @Bean
    RetentionPolicy intradayCandlePolicy(@Value("${signaldesk.retention.candles-intraday}") Duration age) {
        return RetentionPolicy.deleting("candles-intraday", "candle", "open_time", age).where(INTRADAY + " and closed");
    }

    @Bean
    RetentionPolicy hourlyCandlePolicy(@Value("${signaldesk.retention.candles-hourly}") Duration age) {
        return RetentionPolicy.deleting("candles-hourly", "candle", "open_time", age).where(HOURLY + " and closed");
    }
}
