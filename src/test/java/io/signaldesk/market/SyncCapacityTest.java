package io.signaldesk.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.market.exchange.ExchangesProperties;
import io.signaldesk.market.sync.MarketProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The sync's period from its cron, and each exchange's series budget: rps × period × share, or the explicit figure. */
class SyncCapacityTest {

    private static final ExchangesProperties.Endpoint TEN = new ExchangesProperties.Endpoint(null, null, false, 10);
    private static final ExchangesProperties EXCHANGES = new ExchangesProperties(Duration.ofSeconds(10), 3, Duration.ofMillis(500),
            TEN, TEN, TEN, TEN, TEN, new ExchangesProperties.Endpoint(null, null, false, 1), 42);

    @Test
    void theFiveMinuteSyncGivesFifteenHundredSeriesAtTenRequestsASecondAndRefusesOneAndThreeMinuteBases() {
        SyncCapacity capacity = capacity("20 */5 * * * *", new MockEnvironment());

        assertThat(capacity.syncPeriod()).isEqualTo(Duration.ofMinutes(5));
        assertThat(capacity.seriesBudget(ExchangeId.BINANCE)).isEqualTo(1500);
        assertThat(capacity.seriesBudget(ExchangeId.KRAKEN)).isEqualTo(150);
        assertThat(capacity.seriesBudget(ExchangeId.SIM)).isEqualTo(150_000);
        assertThat(capacity.keepsUpWith(Timeframe.M1)).isFalse();
        assertThat(capacity.keepsUpWith(Timeframe.M3)).isFalse();
        assertThat(capacity.keepsUpWith(Timeframe.M5)).isTrue();
        assertThat(capacity.smallestBase()).isEqualTo(Timeframe.M5);
    }

    @Test
    void aMinuteSyncAllowsOneMinuteBasesAndAnExplicitBudgetOrShareWins() {
        var environment = new MockEnvironment().withProperty("signaldesk.market.series-budget.binance", "300")
                .withProperty("signaldesk.market.series-budget-share", "0.25");
        SyncCapacity capacity = capacity("5 * * * * *", environment);

        assertThat(capacity.syncPeriod()).isEqualTo(Duration.ofMinutes(1));
        assertThat(capacity.keepsUpWith(Timeframe.M1)).isTrue();
        assertThat(capacity.seriesBudget(ExchangeId.BINANCE)).isEqualTo(300);
        assertThat(capacity.seriesBudget(ExchangeId.BYBIT)).isEqualTo(150);
        assertThat(SyncCapacity.period("0 0,30 8-17 * * *")).as("the longest gap, overnight").isEqualTo(Duration.ofHours(14).plusMinutes(30));
        assertThat(SyncCapacity.period("-")).isEqualTo(Duration.ofMinutes(5));
    }

    private static SyncCapacity capacity(String cron, MockEnvironment environment) {
        return new SyncCapacity(EXCHANGES, new MarketProperties(ExchangeId.SIM, cron, 200, 4), environment);
    }
}
