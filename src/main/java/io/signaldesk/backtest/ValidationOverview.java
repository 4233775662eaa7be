package io.signaldesk.backtest;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import java.util.List;

/** Every bot and market the nightly validation has judged, each with its status now (the operator dashboard's panel). */
public interface ValidationOverview {

    record MarketStatus(String bot, ExchangeId exchange, Symbol pair, ValidationStatus status) {
    }

    /** By bot, exchange and pair. */
    List<MarketStatus> judged();
}
