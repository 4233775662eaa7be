package io.signaldesk.accounts.exchange;

import io.signaldesk.accounts.exchange.binance.BinanceAccount;
import io.signaldesk.accounts.exchange.bitget.BitgetAccount;
import io.signaldesk.accounts.exchange.bybit.BybitAccount;
import io.signaldesk.accounts.exchange.htx.HtxAccount;
import io.signaldesk.accounts.exchange.kraken.KrakenAccount;
import io.signaldesk.accounts.exchange.okx.OkxAccount;
import io.signaldesk.market.ExchangeId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One signed account adapter per exchange (none for {@code sim}); none touches the network until it is called. */
@Configuration(proxyBeanMethods = false)
class AccountExchangesConfiguration {

    @Bean
    AccountExchanges accountExchanges(AccountsProperties properties, Clock clock) {
        List<AccountExchange> adapters = new ArrayList<>();
        adapters.add(new BinanceAccount(properties.settings(ExchangeId.BINANCE), clock));
        adapters.add(new BybitAccount(properties.settings(ExchangeId.BYBIT), clock));
        adapters.add(new OkxAccount(properties.settings(ExchangeId.OKX), clock));
        adapters.add(new BitgetAccount(properties.settings(ExchangeId.BITGET), clock));
        adapters.add(new HtxAccount(properties.settings(ExchangeId.HTX), clock));
        adapters.add(new KrakenAccount(properties.settings(ExchangeId.KRAKEN), clock));
        return new AccountExchanges(adapters, properties);
    }
}
