package io.signaldesk.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What users type, checked against the exchanges' metadata; here the simulated exchange's. */
@IntegrationTest
class MarketInputsTest {

    @Autowired
    MarketInputs inputs;

    @Test
    void exchangesAreUnderstoodAndTyposAnsweredWithTheNearestIds() {
        assertThat(inputs.exchange("Binance")).isEqualTo(new InputCheck.Accepted<>(ExchangeId.BINANCE));
        assertThat(inputs.exchange("huobi")).isEqualTo(new InputCheck.Accepted<>(ExchangeId.HTX));
        var typo = (InputCheck.Rejected<ExchangeId>) inputs.exchange("binanse");
        assertThat(typo.message()).isEqualTo("'binanse' is not an exchange SignalDesk knows. "
                + "Exchanges: binance, bybit, okx, bitget, htx, kraken, sim. Did you mean binance?");
    }

    @Test
    void pairsAreCheckedAgainstTheExchangesOwnListing() {
        assertThat(inputs.pair(ExchangeId.SIM, "ethusdt")).isEqualTo(new InputCheck.Accepted<>(new Symbol("ETH", "USDT")));
        var unknown = (InputCheck.Rejected<Symbol>) inputs.pair(ExchangeId.SIM, "SOL/USDC");
        assertThat(unknown.message()).isEqualTo("'SOL/USDC' is not a pair traded on Simulated exchange. "
                + "Pairs look like BTC/USDT. Did you mean SOL/USDT?");
    }

    @Test
    void timeframesAreCheckedAgainstWhatTheExchangeServes() {
        assertThat(inputs.timeframes(ExchangeId.SIM, "4h,30m,1h"))
                .isEqualTo(new InputCheck.Accepted<>(List.of(Timeframe.M30, Timeframe.H1, Timeframe.H4)));
        assertThat(inputs.timeframes(ExchangeId.HTX, "2h")).isInstanceOf(InputCheck.Rejected.class);
        assertThat(inputs.series(ExchangeId.KRAKEN, new Symbol("BTC", "USDT"), Timeframe.H1).marketType())
                .isEqualTo(MarketType.SPOT);
    }
}
