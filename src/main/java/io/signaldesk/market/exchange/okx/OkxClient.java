package io.signaldesk.market.exchange.okx;

import io.signaldesk.market.PairListing;
import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.exchange.ExchangeClient;
import io.signaldesk.market.exchange.ExchangeFailure;
import io.signaldesk.market.exchange.ExchangeProfile;
import io.signaldesk.market.exchange.ExchangeSettings;
import io.signaldesk.market.exchange.XChangeFailures;
import io.signaldesk.market.exchange.XChangeSpecifications;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.okex.OkexExchange;
import org.knowm.xchange.okex.dto.OkexException;
import org.knowm.xchange.okex.dto.OkexResponse;
import org.knowm.xchange.okex.dto.marketdata.OkexCandleStick;
import org.knowm.xchange.okex.dto.marketdata.OkexInstrument;
import org.knowm.xchange.okex.service.OkexMarketDataServiceRaw;

/**
 * OKX USDT-margined perpetual swaps through XChange ({@code getCandle} on {@code BTC-USDT-SWAP}
 * instruments, not {@code /PERP}). Candles come newest first, at most 300 a request; 6h, 12h and 1d
 * use OKX's UTC-aligned bars. The volume is {@code volCcy} (base coin, not contracts). Codes: 50011
 * rate limit; 50001 / 50004 / 50013 unavailable; 51001 unknown instrument. Testnet: the
 * {@code x-simulated-trading} header.
 */
public final class OkxClient implements ExchangeClient {

    private static final Map<Timeframe, String> BARS = Map.ofEntries(
            Map.entry(Timeframe.M1, "1m"), Map.entry(Timeframe.M3, "3m"), Map.entry(Timeframe.M5, "5m"),
            Map.entry(Timeframe.M15, "15m"), Map.entry(Timeframe.M30, "30m"), Map.entry(Timeframe.H1, "1H"),
            Map.entry(Timeframe.H2, "2H"), Map.entry(Timeframe.H4, "4H"), Map.entry(Timeframe.H6, "6Hutc"),
            Map.entry(Timeframe.H12, "12Hutc"), Map.entry(Timeframe.D1, "1Dutc"));
    private static final ExchangeProfile PROFILE = new ExchangeProfile(ExchangeId.OKX, MarketType.PERPETUAL, BARS.keySet(), 300);

    private static final int HISTORY_PAGE = 100;

    private final OkexMarketDataServiceRaw market;

    public OkxClient(ExchangeSettings settings) {
        ExchangeSpecification spec = XChangeSpecifications.offline(new OkexExchange().getDefaultExchangeSpecification(), settings);
        spec.setSslUri(settings.baseUrlOr(spec.getSslUri()));
        if (settings.testnet()) {
            spec.setExchangeSpecificParametersItem(OkexExchange.PARAM_SIMULATED, "1");
        }
        this.market = (OkexMarketDataServiceRaw) ExchangeFactory.INSTANCE.createExchange(spec).getMarketDataService();
    }

    @Override
    public ExchangeProfile profile() {
        return PROFILE;
    }

    @Override
    public List<Candle> candles(Symbol symbol, Timeframe timeframe, Instant end, int limit) {
        try {
            String after = end == null ? null : Long.toString(end.toEpochMilli() + 1);
            return candles(data(market.getCandle(instrument(symbol), after, null, BARS.get(timeframe),
                    Integer.toString(limit))));
        } catch (Exception e) {
            throw classify(e);
        }
    }

    private static List<Candle> candles(List<OkexCandleStick> sticks) {
        List<Candle> candles = new ArrayList<>(sticks.size());
        for (OkexCandleStick stick : sticks) {
            candles.add(new Candle(Instant.ofEpochMilli(stick.getTimestamp()), new BigDecimal(stick.getOpenPrice()),
                    new BigDecimal(stick.getHighPrice()), new BigDecimal(stick.getLowPrice()),
                    new BigDecimal(stick.getClosePrice()), new BigDecimal(stick.getVolumeCcy())));
        }
        candles.sort(Comparator.comparing(Candle::openTime));
        return candles;
    }

    @Override
    public boolean pagesHistory() {
        return true;
    }

    @Override
    public int historyPageSize() {
        return HISTORY_PAGE;
    }

    /**
     * {@code history-candles} with {@code before} (newer than) {@code from − 1 ms} and {@code after} (older than)
     * the end of a window of at most 100 candles (OKX's limit for this call), so the answer is that window.
     */
    @Override
    public List<Candle> candlesSince(Symbol symbol, Timeframe timeframe, Instant from, int limit) {
        try {
            int count = Math.min(limit, HISTORY_PAGE);
            String after = Long.toString(from.plus(timeframe.duration().multipliedBy(count)).toEpochMilli());
            String before = Long.toString(from.toEpochMilli() - 1);
            return candles(data(market.getHistoryCandle(instrument(symbol), after, before, BARS.get(timeframe),
                    Integer.toString(count))));
        } catch (Exception e) {
            throw classify(e);
        }
    }

    @Override
    public BigDecimal lastPrice(Symbol symbol) {
        try {
            var tickers = data(market.getOkexTicker(instrument(symbol)));
            if (tickers.isEmpty()) {
                throw new ExchangeFailure.Malformed("OKX returned no ticker for " + symbol, null);
            }
            return tickers.getFirst().getLast();
        } catch (Exception e) {
            throw classify(e);
        }
    }

    @Override
    public List<PairListing> listing() {
        try {
            List<PairListing> listing = new ArrayList<>();
            for (OkexInstrument instrument : data(market.getOkexInstruments("SWAP", null, null))) {
                String id = instrument.getInstrumentId();
                if ("live".equals(instrument.getState()) && id != null && id.endsWith("-USDT-SWAP")) {
                    Symbol.fromListing(id.substring(0, id.indexOf('-')), "USDT")
                            .ifPresent(pair -> listing.add(PairListing.of(pair, instrument.getTickSize())));
                }
            }
            return listing;
        } catch (Exception e) {
            throw classify(e);
        }
    }

    private static String instrument(Symbol symbol) {
        return symbol.base() + "-" + symbol.quote() + "-SWAP";
    }

    private static <T> T data(OkexResponse<T> response) {
        if (!response.isSuccess() || response.getData() == null) {
            throw new OkexException(response.getMsg(), Integer.parseInt(response.getCode()));
        }
        return response.getData();
    }

    private static ExchangeFailure classify(Exception e) {
        return XChangeFailures.classify(ExchangeId.OKX, e, failure -> {
            if (!(failure instanceof OkexException okx)) {
                return Optional.empty();
            }
            String message = "OKX code " + okx.getCode() + ": " + okx.getMessage();
            return Optional.of(switch (okx.getCode()) {
                case 50011, 50061 -> new ExchangeFailure.RateLimited(message, null);
                case 50001, 50004, 50013, 50026 -> new ExchangeFailure.Unavailable(message, okx);
                default -> new ExchangeFailure.Rejected(message);
            });
        });
    }
}
