package io.signaldesk.market.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.InputCheck;
import io.signaldesk.market.Symbol;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PairResolverTest {

    private static final Set<Symbol> LISTED = Set.of(new Symbol("BTC", "USDT"), new Symbol("ETH", "USDT"),
            new Symbol("SOL", "USDT"), new Symbol("1000PEPE", "USDT"));

    @ParameterizedTest
    @ValueSource(strings = {"BTC/USDT", "btcusdt", "BTC-USDT", "btc_usdt", " BTC/usdt ", "BTC-USDT-SWAP", "BTCUSDT.P"})
    void understandsTheCommonSpellingsOfAPair(String typed) {
        assertThat(PairResolver.resolve(ExchangeId.BINANCE, typed, LISTED))
                .isEqualTo(new InputCheck.Accepted<>(new Symbol("BTC", "USDT")));
    }

    @Test
    void aJoinedNameIsSplitByTheListingFirst() {
        assertThat(PairResolver.resolve(ExchangeId.BINANCE, "1000pepeusdt", LISTED))
                .isEqualTo(new InputCheck.Accepted<>(new Symbol("1000PEPE", "USDT")));
    }

    @Test
    void anUnlistedPairIsRejectedWithCloseMatches() {
        var answer = (InputCheck.Rejected<Symbol>) PairResolver.resolve(ExchangeId.BYBIT, "BTC/USDC", LISTED);

        assertThat(answer.problem()).isEqualTo("'BTC/USDC' is not a pair traded on Bybit. Pairs look like BTC/USDT.");
        assertThat(answer.suggestions()).startsWith("BTC/USDT");
        assertThat(answer.message()).endsWith("Did you mean BTC/USDT?");
    }

    @Test
    void aTypoIsAnsweredWithTheNearestPairs() {
        var answer = (InputCheck.Rejected<Symbol>) PairResolver.resolve(ExchangeId.OKX, "ETHUSTD", LISTED);

        assertThat(answer.suggestions()).containsExactly("ETH/USDT");
    }

    @Test
    void nonsenseIsRejectedWithAnExample() {
        var answer = (InputCheck.Rejected<Symbol>) PairResolver.resolve(ExchangeId.OKX, "to the moon!", LISTED);

        assertThat(answer.problem()).contains("Pairs look like BTC/USDT");
        assertThat(((InputCheck.Rejected<Symbol>) PairResolver.resolve(ExchangeId.OKX, "  ", LISTED)).problem())
                .startsWith("No pair given.");
    }
}
