package io.signaldesk.signals.delivery;

import io.signaldesk.charts.CandleChart;
import io.signaldesk.charts.PriceLevel;
import io.signaldesk.market.CandleRead;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.signals.SignalIssued;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The chart under a signal: the last {@value #CANDLES} closed candles of the signal's timeframe up to
 * the signal, with its entry, stop-loss and targets. Empty when the series has no fresh candles for
 * that moment (the message then goes without a chart).
 */
@Component
class SignalChart {

    static final int CANDLES = 60;

    private final MarketData market;
    private final MarketInputs markets;
    private final CandleChart chart;

    SignalChart(MarketData market, MarketInputs markets, CandleChart chart) {
        this.market = market;
        this.markets = markets;
        this.chart = chart;
    }

    Optional<byte[]> draw(SignalIssued signal) {
        Optional<ExchangeId> exchange = ExchangeId.parse(signal.exchange());
        Optional<Timeframe> timeframe = Timeframe.parse(signal.timeframe());
        if (exchange.isEmpty() || timeframe.isEmpty()) {
            return Optional.empty();
        }
        var key = markets.series(exchange.get(), Symbol.parse(signal.symbol()), timeframe.get());
        if (!(market.closedCandlesBy(key, CANDLES, signal.issuedAt()) instanceof CandleRead.Fresh fresh) || fresh.candles().size() < 2) {
            return Optional.empty();
        }
        List<PriceLevel> levels = new ArrayList<>(List.of(new PriceLevel("entry", signal.entry(), PriceLevel.Kind.ENTRY),
                new PriceLevel("stop", signal.stopLoss(), PriceLevel.Kind.STOP)));
        for (int i = 0; i < signal.takeProfits().size(); i++) {
            levels.add(new PriceLevel("TP" + (i + 1), signal.takeProfits().get(i), PriceLevel.Kind.TARGET));
        }
        return Optional.of(chart.png("%s %s %s · %s".formatted(signal.symbol(), signal.timeframe(), signal.action(), signal.exchange()),
                fresh.candles(), levels));
    }
}
