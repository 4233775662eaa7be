package io.signaldesk.accounts.balances;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.accounts.exchange.ApiCredentials;
import io.signaldesk.accounts.exchange.WalletBalance;
import io.signaldesk.accounts.exchange.WalletBalance.Wallet;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValuationTest {

    private static final Map<String, BigDecimal> PRICES = Map.of("BTC", new BigDecimal("60000"), "ETH", new BigDecimal("3000"),
            "USDT", BigDecimal.ONE);

    @Test
    void equityCountsOnlyPricedHoldingsAndListsTheRestUnpricedLargestFirst() {
        Valuation valued = Valuation.of(List.of(
                new WalletBalance(Wallet.SPOT, "PEPE3", new BigDecimal("1000000")),
                new WalletBalance(Wallet.SPOT, "ETH", new BigDecimal("2")),
                new WalletBalance(Wallet.FUTURES, "USDT", new BigDecimal("-5")),
                new WalletBalance(Wallet.SPOT, "BTC", new BigDecimal("0.01")),
                new WalletBalance(Wallet.SPOT, "DOGE", BigDecimal.ZERO)), asset -> Optional.ofNullable(PRICES.get(asset)));

        assertThat(valued.equityUsdt()).isEqualByComparingTo("6595");
        assertThat(valued.holdings()).extracting(Holding::asset).containsExactly("ETH", "BTC", "USDT", "PEPE3");
        assertThat(valued.holdings().getLast().priceUsdt()).isNull();
        assertThat(valued.holdings().getLast().valueUsdt()).isNull();
    }

    @Test
    void aFailureMessageIsStoredWithoutTheKeyItsSecretOrItsPassphraseOnOneShortLine() {
        ApiCredentials credentials = new ApiCredentials("K3y-abcdef", "S3cret-ghijkl", Optional.of("Pass-phrase"));

        String scrubbed = AccountSync.scrubbed("bad request for K3y-abcdef\nsigned with S3cret-ghijkl and Pass-phrase " + "x".repeat(400),
                credentials);

        assertThat(scrubbed).doesNotContain("K3y-abcdef", "S3cret-ghijkl", "Pass-phrase", "\n").startsWith("bad request for [hidden] signed with")
                .hasSize(300).endsWith("…");
    }
}
