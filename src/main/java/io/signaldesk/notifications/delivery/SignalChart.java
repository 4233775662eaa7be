package io.signaldesk.notifications.delivery;

import io.signaldesk.market.Candle;
import io.signaldesk.market.CandleRead;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.signals.SignalIssued;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.OHLCChart;
import org.knowm.xchart.OHLCChartBuilder;
import org.knowm.xchart.OHLCSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.springframework.stereotype.Component;

/**
 * The candlestick chart under a signal: the last {@value #CANDLES} closed candles of the signal's
 * timeframe up to the signal, with entry (blue), stop-loss (red) and take-profit (green) lines. Empty
 * when the series has no fresh candles for that moment (the message then goes without a chart).
 */
@Component
class SignalChart {

    static final int CANDLES = 60;
    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;

    private final MarketData market;
    private final MarketInputs markets;

    SignalChart(MarketData market, MarketInputs markets) {
        this.market = market;
        this.markets = markets;
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
        return Optional.of(png(signal, fresh.candles()));
    }

    private static byte[] png(SignalIssued signal, List<Candle> candles) {
        OHLCChart chart = new OHLCChartBuilder().width(WIDTH).height(HEIGHT)
                .title("%s %s %s · %s".formatted(signal.symbol(), signal.timeframe(), signal.action(), signal.exchange())).build();
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setDatePattern(timePattern(candles));
        List<Date> times = candles.stream().map(candle -> Date.from(candle.openTime())).toList();
        OHLCSeries prices = chart.addSeries("price", times,
                candles.stream().map(candle -> candle.open().doubleValue()).toList(),
                candles.stream().map(candle -> candle.high().doubleValue()).toList(),
                candles.stream().map(candle -> candle.low().doubleValue()).toList(),
                candles.stream().map(candle -> candle.close().doubleValue()).toList());
        prices.setUpColor(new Color(38, 166, 154));
        prices.setDownColor(new Color(239, 83, 80));
        prices.setShowInLegend(false);
        level(chart, times, "entry " + plain(signal.entry()), signal.entry(), new Color(33, 100, 243));
        level(chart, times, "stop " + plain(signal.stopLoss()), signal.stopLoss(), new Color(211, 47, 47));
        for (int i = 0; i < signal.takeProfits().size(); i++) {
            BigDecimal target = signal.takeProfits().get(i);
            level(chart, times, "TP" + (i + 1) + " " + plain(target), target, new Color(46, 125, 50));
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void level(OHLCChart chart, List<Date> times, String name, BigDecimal price, Color color) {
        var line = chart.addSeries(name, List.of(times.getFirst(), times.getLast()), List.of(price.doubleValue(), price.doubleValue()));
        line.setLineColor(color);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }

    private static String timePattern(List<Candle> candles) {
        long span = candles.getLast().openTime().getEpochSecond() - candles.getFirst().openTime().getEpochSecond();
        return span > 3 * 86_400 ? "MM-dd" : "MM-dd HH:mm";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
