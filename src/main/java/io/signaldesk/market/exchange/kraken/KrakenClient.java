package io.signaldesk.market.exchange.kraken;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.kraken.KrakenExchange;
import org.knowm.xchange.kraken.KrakenUtils;
import org.knowm.xchange.kraken.dto.marketdata.KrakenAssetPair;
import org.knowm.xchange.kraken.dto.marketdata.KrakenOHLC;
import org.knowm.xchange.kraken.service.KrakenMarketDataServiceRaw;

/**
 * Kraken <b>spot</b> through XChange ({@code getKrakenOHLC}): Kraken has no USDT-margined perpetuals
 * and XChange's Kraken futures module has no candles. OHLC returns up to the last 720 candles after
 * {@code since} (seconds); the request is cut to {@code limit} here. XChange translates pair names
 * (XBT ↔ BTC) with static asset tables; they are loaded here on first use from the raw asset and
 * asset-pair calls. XChange keeps them JVM-wide and fills them only once, so a pair Kraken lists
 * later is left out until a restart. ({@code remoteInit} is not used: xchange-kraken 5.2.2's metadata adapter needs a
 * class that xchange-core 5.2.4 no longer has.)
 */
public final class KrakenClient implements ExchangeClient {

    private static final Map<Timeframe, Integer> MINUTES = Map.ofEntries(
            Map.entry(Timeframe.M1, 1), Map.entry(Timeframe.M5, 5), Map.entry(Timeframe.M15, 15),
            Map.entry(Timeframe.M30, 30), Map.entry(Timeframe.H1, 60), Map.entry(Timeframe.H4, 240),
            Map.entry(Timeframe.D1, 1440));
    private static final ExchangeProfile PROFILE = new ExchangeProfile(ExchangeId.KRAKEN, MarketType.SPOT, MINUTES.keySet(), 720);

    private final KrakenMarketDataServiceRaw market;
    private volatile boolean assetsLoaded;

    public KrakenClient(ExchangeSettings settings) {
        ExchangeSpecification spec = XChangeSpecifications.offline(new KrakenExchange().getDefaultExchangeSpecification(), settings);
        spec.setSslUri(settings.baseUrlOr(spec.getSslUri()));
        this.market = (KrakenMarketDataServiceRaw) ExchangeFactory.INSTANCE.createExchange(spec).getMarketDataService();
    }

    @Override
    public ExchangeProfile profile() {
        return PROFILE;
    }

    @Override
    public List<Candle> candles(Symbol symbol, Timeframe timeframe, Instant end, int limit) {
        try {
            loadAssets();
            Long since = end == null ? null
                    : timeframe.openOf(end).minus(timeframe.duration().multipliedBy(limit)).getEpochSecond();
            var ohlc = market.getKrakenOHLC(pair(symbol), MINUTES.get(timeframe), since).getOHLCs();
            List<Candle> candles = ohlc.stream()
                    .filter(row -> end == null || !Instant.ofEpochSecond(row.getTime()).isAfter(end))
                    .map(KrakenClient::candle)
                    .toList();
            return candles.subList(Math.max(0, candles.size() - limit), candles.size());
        } catch (Exception e) {
            throw classify(e);
        }
    }

    private static Candle candle(KrakenOHLC row) {
        return new Candle(Instant.ofEpochSecond(row.getTime()), row.getOpen(), row.getHigh(), row.getLow(), row.getClose(), row.getVolume());
    }

    @Override
    public boolean pagesHistory() {
        return true;
    }

    /**
     * OHLC with {@code since} (seconds) just before {@code from}, cut to [{@code from}, ...] and {@code limit}.
     * Kraken serves only its last 720 candles of a timeframe, whatever {@code since} says: an older span gets an
     * answer without it, which the history fill reports as not served.
     */
    @Override
    public List<Candle> candlesSince(Symbol symbol, Timeframe timeframe, Instant from, int limit) {
        try {
            loadAssets();
            var ohlc = market.getKrakenOHLC(pair(symbol), MINUTES.get(timeframe), from.getEpochSecond() - 1).getOHLCs();
            return ohlc.stream()
                    .filter(row -> !Instant.ofEpochSecond(row.getTime()).isBefore(from))
                    .limit(limit)
                    .map(KrakenClient::candle)
                    .toList();
        } catch (Exception e) {
            throw classify(e);
        }
    }

    @Override
    public BigDecimal lastPrice(Symbol symbol) {
        try {
            loadAssets();
            return market.getKrakenTicker(pair(symbol)).getClose().getPrice();
        } catch (Exception e) {
            throw classify(e);
        }
    }

    @Override
    public List<PairListing> listing() {
        try {
            loadAssets();
            List<PairListing> listing = new ArrayList<>();
            for (Map.Entry<String, KrakenAssetPair> pair : market.getKrakenAssetPairs().getAssetPairMap().entrySet()) {
                if (pair.getKey().endsWith(".d")) {
                    continue; // dark-pool duplicates
                }
                int decimals = pair.getValue().getPairScale();
                translated(pair.getKey()).ifPresent(symbol -> listing.add(new PairListing(symbol, PairListing.tickOfDecimals(decimals))));
            }
            return listing;
        } catch (Exception e) {
            throw classify(e);
        }
    }

    /** Our symbol for a Kraken pair name; empty for a pair XChange's tables (loaded once) do not know. */
    private static Optional<Symbol> translated(String krakenPair) {
        try {
            CurrencyPair pair = KrakenUtils.translateKrakenCurrencyPair(krakenPair);
            return pair == null ? Optional.empty()
                    : Symbol.fromListing(pair.getBase().getCurrencyCode(), pair.getCounter().getCurrencyCode());
        } catch (RuntimeException unknown) {
            return Optional.empty();
        }
    }

    private void loadAssets() throws Exception {
        if (!assetsLoaded) {
            synchronized (this) {
                if (!assetsLoaded) {
                    KrakenUtils.setKrakenAssets(market.getKrakenAssets().getAssetPairMap());
                    KrakenUtils.setKrakenAssetPairs(market.getKrakenAssetPairs().getAssetPairMap());
                    assetsLoaded = true;
                }
            }
        }
    }

    /** The pair as XChange names it, once Kraken's tables know it; an unknown pair is refused here. */
    private static CurrencyPair pair(Symbol symbol) {
        CurrencyPair pair = new CurrencyPair(symbol.base(), symbol.quote());
        if (KrakenUtils.createKrakenCurrencyPair(pair) == null) {
            throw new ExchangeFailure.Rejected("Kraken has no pair " + symbol);
        }
        return pair;
    }

    private static ExchangeFailure classify(Exception e) {
        return XChangeFailures.classify(ExchangeId.KRAKEN, e, failure -> Optional.empty());
    }
}
