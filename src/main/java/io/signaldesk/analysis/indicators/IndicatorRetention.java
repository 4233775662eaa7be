package io.signaldesk.analysis.indicators;

import io.signaldesk.ops.RetentionPolicy;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Indicator values follow their candles: 1m-15m for {@code signaldesk.retention.candles-intraday}, 30m-12h for {@code signaldesk.retention.candles-hourly}, daily kept. */
@Configuration(proxyBeanMethods = false)
class IndicatorRetention {

    private static final String INTRADAY = "timeframe in ('1m', '3m', '5m', '15m')";
    private static final String HOURLY = "timeframe in ('30m', '1h', '2h', '4h', '6h', '12h')";

    @Bean
    RetentionPolicy intradayIndicatorPolicy(@Value("${signaldesk.retention.candles-intraday}") Duration age) {
        return RetentionPolicy.deleting("indicators-intraday", "indicator_value", "open_time", age).where(INTRADAY);
    }

    @Bean
    RetentionPolicy hourlyIndicatorPolicy(@Value("${signaldesk.retention.candles-hourly}") Duration age) {
        return RetentionPolicy.deleting("indicators-hourly", "indicator_value", "open_time", age).where(HOURLY);
    }
}
