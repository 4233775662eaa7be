package io.signaldesk.market.exchange;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.exchange.binance.BinanceClient;
import io.signaldesk.market.exchange.bitget.BitgetClient;
import io.signaldesk.market.exchange.bybit.BybitClient;
import io.signaldesk.market.exchange.htx.HtxClient;
import io.signaldesk.market.exchange.kraken.KrakenClient;
import io.signaldesk.market.exchange.okx.OkxClient;
import io.signaldesk.market.exchange.sim.SimulatedExchange;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One adapter per exchange; none touches the network until it is first asked for data. Public for the candle import's own context. */
@Configuration(proxyBeanMethods = false)
public class ExchangeClientsConfiguration {

    @Bean
    ExchangeClients exchangeClients(ExchangesProperties properties, Clock clock) {
        return new ExchangeClients(List.of(
                new BinanceClient(properties.settings(ExchangeId.BINANCE)),
                new BybitClient(properties.settings(ExchangeId.BYBIT)),
                new OkxClient(properties.settings(ExchangeId.OKX)),
                new BitgetClient(properties.settings(ExchangeId.BITGET)),
                new HtxClient(properties.settings(ExchangeId.HTX)),
                new KrakenClient(properties.settings(ExchangeId.KRAKEN)),
                new SimulatedExchange(clock, properties.simSeed())), properties);
    }
}
