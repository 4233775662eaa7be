package io.signaldesk.accounts.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.accounts.SpotTrading.Side;
import io.signaldesk.accounts.SpotTrading.SpotLot;
import io.signaldesk.accounts.SpotTrading.SpotOrder;
import io.signaldesk.accounts.SpotTrading.SpotOrderResult;
import io.signaldesk.accounts.exchange.AccountSettings;
import io.signaldesk.accounts.exchange.ApiCredentials;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The spot guard never retries, and once an exchange keeps leaving orders unknown it stops sending them for a while. */
class GuardedSpotExchangeTest {

    private static final ApiCredentials KEY = new ApiCredentials("guardKey1234", "guardSecret5678", Optional.empty());
    private static final SpotOrder ORDER = new SpotOrder(new Symbol("BTC", "USDT"), Side.BUY, BigDecimal.ONE, "sd-guard");

    @Test
    void anUnknownAnswerIsReturnedAsItIsWithoutAnotherTry() {
        Scripted exchange = new Scripted(new SpotOrderResult.Unknown("no answer"));

        SpotOrderResult result = guarded(exchange).marketOrder(KEY, ORDER);

        assertThat(result).isEqualTo(new SpotOrderResult.Unknown("no answer"));
        assertThat(exchange.calls).isEqualTo(1);
    }

    @Test
    void afterRepeatedUnknownsOrdersAreRefusedUnsentWhileRefusalsByTheExchangeNeverOpenTheCircuit() {
        Scripted failing = new Scripted(new SpotOrderResult.Unknown("503"));
        Scripted refusing = new Scripted(new SpotOrderResult.Rejected("code -2010"));
        SpotExchange failingGuarded = guarded(failing);
        SpotExchange refusingGuarded = guarded(refusing);

        for (int i = 0; i < 10; i++) {
            failingGuarded.marketOrder(KEY, ORDER);
            refusingGuarded.marketOrder(KEY, ORDER);
        }

        assertThat(failing.calls).isLessThan(10);
        assertThat(failingGuarded.marketOrder(KEY, ORDER)).isInstanceOfSatisfying(SpotOrderResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).contains("circuit open").endsWith("the order was not sent"));
        assertThat(refusing.calls).isEqualTo(10);
    }

    private static SpotExchange guarded(SpotExchange exchange) {
        return new GuardedSpotExchange(exchange, new AccountSettings(null, null, false, Duration.ofSeconds(1), 1000, 3, Duration.ZERO));
    }

    private static final class Scripted implements SpotExchange {
        private final SpotOrderResult always;
        int calls;

        Scripted(SpotOrderResult always) {
            this.always = always;
        }

        @Override
        public ExchangeId exchange() {
            return ExchangeId.BINANCE;
        }

        @Override
        public Optional<SpotLot> lot(Symbol pair) {
            return Optional.empty();
        }

        @Override
        public SpotOrderResult marketOrder(ApiCredentials credentials, SpotOrder order) {
            calls++;
            return always;
        }

        @Override
        public SpotOrderResult lookup(ApiCredentials credentials, Symbol pair, String clientOrderId) {
            calls++;
            return always;
        }
    }
}
