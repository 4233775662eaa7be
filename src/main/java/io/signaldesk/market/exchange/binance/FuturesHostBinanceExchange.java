package io.signaldesk.market.exchange.binance;

import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.binance.BinanceExchange;

/**
 * XChange's Binance exchange in futures mode overwrites {@code sslUri} with fapi.binance.com (or the
 * testnet) when the specification is applied; this subclass puts a configured futures host back
 * (LIBRARIES.md: "subclass BinanceExchange and override concludeHostParams").
 */
public class FuturesHostBinanceExchange extends BinanceExchange {

    static final String FUTURES_HOST = "signaldesk.futuresHost";

    @Override
    protected void concludeHostParams(ExchangeSpecification specification) {
        super.concludeHostParams(specification);
        Object host = specification.getExchangeSpecificParametersItem(FUTURES_HOST);
        if (host != null) {
            specification.setSslUri(host.toString());
        }
    }
}
