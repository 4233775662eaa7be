package io.signaldesk.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.signaldesk.market.exchange.ExchangesProperties;
import io.signaldesk.market.sync.MarketProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The sync's period from its cron, and each exchange's series budget: rps × min(period, run delay + grace − the
 * sync's offset after the close) × share, or the explicit figure.
 */
class SyncCapacityTest {

    private static final ExchangesProperties.Endpoint TEN = new ExchangesProperties.Endpoint(null, null, false, 10);
    private static final ExchangesProperties EXCHANGES = new ExchangesProperties(Duration.ofSeconds(10), 3, Duration.ofMillis(500),
            TEN, TEN, TEN, TEN, TEN, new ExchangesProperties.Endpoint(null, null, false, 1), 42);

    @Test
    void theFiveMinuteSyncMustStoreACandleBeforeItsLastAskSoSixHundredFiftySeriesAtTenRequestsASecond() {
        SyncCapacity capacity = capacity("20 */5 * * * *", new MockEnvironment());

        assertThat(capacity.syncPeriod()).isEqualTo(Duration.ofMinutes(5));
        assertThat(capacity.cycleWindow()).as("90 s run delay + 120 s grace − a 60 s tick − 20 s past the close").isEqualTo(Duration.ofSeconds(130));
        assertThat(capacity.seriesBudget(ExchangeId.BINANCE)).isEqualTo(650);
        assertThat(capacity.seriesBudget(ExchangeId.KRAKEN)).isEqualTo(65);
        assertThat(capacity.seriesBudget(ExchangeId.SIM)).isEqualTo(65_000);
        assertThat(capacity.keepsUpWith(Timeframe.M1)).isFalse();
        assertThat(capacity.keepsUpWith(Timeframe.M3)).isFalse();
        assertThat(capacity.keepsUpWith(Timeframe.M5)).isTrue();
        assertThat(capacity.smallestBase()).isEqualTo(Timeframe.M5);
        assertThat(capacity.judgingTimeframe(ExchangeId.BINANCE)).as("open signals are judged on 1m: counted").contains(Timeframe.M1);
        assertThat(capacity("-", new MockEnvironment()).cycleWindow()).as("sync off: the default cron's offset").isEqualTo(Duration.ofSeconds(130));
    }

    @Test
    void aShorterRunWindowOrALaterSyncLeavesLessTime() {
        var environment = new MockEnvironment().withProperty("signaldesk.signals.run-delay", "30s")
                .withProperty("signaldesk.signals.run-grace", "1m").withProperty("signaldesk.signals.tick", "10s");
        SyncCapacity capacity = capacity("50 */5 * * * *", environment);

        assertThat(capacity.cycleWindow()).as("30 + 60 − 10 − 50").isEqualTo(Duration.ofSeconds(30));
        assertThat(capacity.seriesBudget(ExchangeId.BINANCE)).isEqualTo(150);
        assertThat(SyncCapacity.offsetAfterClose("0 */5 * * * *", Duration.ofMinutes(5))).isEqualTo(Duration.ZERO);
        assertThat(SyncCapacity.offsetAfterClose("20 1/5 * * * *", Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(80));
        assertThat(capacity("20 */5 * * * *", new MockEnvironment().withProperty("signaldesk.signals.run-delay", "10s")
                .withProperty("signaldesk.signals.run-grace", "5s")).seriesBudget(ExchangeId.BINANCE))
                .as("a sync that starts after the window ends leaves a budget of 1").isEqualTo(1);
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

    @Test
    void openSignalsAreJudgedOnTheExchangesFinestTimeframeWhenItIsFiveMinutesOrShorter() {
        MarketData market = mock(MarketData.class);
        when(market.finestTimeframe(ExchangeId.BINANCE)).thenReturn(Timeframe.M1);
        when(market.finestTimeframe(ExchangeId.HTX)).thenReturn(Timeframe.M5);
        when(market.finestTimeframe(ExchangeId.KRAKEN)).thenReturn(Timeframe.H1);
        SyncCapacity capacity = new SyncCapacity(EXCHANGES, new MarketProperties(ExchangeId.SIM, "20 */5 * * * *", 200, 4),
                new MockEnvironment(), market);

        assertThat(capacity.judgingTimeframe(ExchangeId.BINANCE)).contains(Timeframe.M1);
        assertThat(capacity.judgingTimeframe(ExchangeId.HTX)).as("the 5-minute boundary").contains(Timeframe.M5);
        assertThat(capacity.judgingTimeframe(ExchangeId.KRAKEN)).as("nothing finer to judge on").isEmpty();
    }

    private static SyncCapacity capacity(String cron, MockEnvironment environment) {
        MarketData market = mock(MarketData.class);
        when(market.finestTimeframe(any())).thenReturn(Timeframe.M1);
        return new SyncCapacity(EXCHANGES, new MarketProperties(ExchangeId.SIM, cron, 200, 4), environment, market);
    }
}
