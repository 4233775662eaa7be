package io.signaldesk.accounts.trading;

import io.signaldesk.accounts.exchange.AccountsProperties;
import io.signaldesk.accounts.trading.binance.BinanceSpot;
import io.signaldesk.market.ExchangeId;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The live spot adapters: Binance only, for now, on the accounts' Binance host ({@code signaldesk.accounts.exchanges.binance.*},
 * i.e. {@code SIGNALDESK_BINANCE_BASE_URL} / {@code SIGNALDESK_BINANCE_TESTNET}) and at its pace of signed calls.
 */
@Configuration(proxyBeanMethods = false)
class SpotExchangesConfiguration {

    @Bean
    SpotExchanges spotExchanges(AccountsProperties accounts, LiveTradingProperties live, Clock clock) {
        var binance = accounts.settings(ExchangeId.BINANCE);
        return new SpotExchanges(List.of(new GuardedSpotExchange(new BinanceSpot(binance, live.lotRulesTtl(), clock), binance)));
    }
}
