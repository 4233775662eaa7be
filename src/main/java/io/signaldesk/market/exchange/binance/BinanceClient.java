package io.signaldesk.market.exchange.binance;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.binance.BinanceExchange;
import org.knowm.xchange.binance.dto.BinanceException;
import org.knowm.xchange.binance.dto.ExchangeType;
import org.knowm.xchange.binance.dto.marketdata.BinanceKline;
import org.knowm.xchange.binance.dto.marketdata.KlineInterval;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.BinanceExchangeInfo;
import org.knowm.xchange.binance.service.BinanceMarketDataServiceRaw;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.Filter;
import org.knowm.xchange.derivative.FuturesContract;

/**
 * Binance USD-M perpetual futures through XChange: {@code klines} on a {@code FuturesContract(.../PERP)}
 * ({@code /fapi/v1/klines}) and {@code getFutureExchangeInfo}. The last price is the close of the
 * newest 1-minute kline (XChange's ticker call is spot-only). Error codes: -1003 is a rate limit,
 * -1121 an unknown symbol. History pages: {@code klines} from a {@code startTime}, up to 1,500 a request.
 */
public final class BinanceClient implements ExchangeClient {

    private static final Map<Timeframe, KlineInterval> INTERVALS = Map.ofEntries(
            Map.entry(Timeframe.M1, KlineInterval.m1), Map.entry(Timeframe.M3, KlineInterval.m3),
            Map.entry(Timeframe.M5, KlineInterval.m5), Map.entry(Timeframe.M15, KlineInterval.m15),
            Map.entry(Timeframe.M30, KlineInterval.m30), Map.entry(Timeframe.H1, KlineInterval.h1),
            Map.entry(Timeframe.H2, KlineInterval.h2), Map.entry(Timeframe.H4, KlineInterval.h4),
            Map.entry(Timeframe.H6, KlineInterval.h6), Map.entry(Timeframe.H12, KlineInterval.h12),
            Map.entry(Timeframe.D1, KlineInterval.d1));
    private static final ExchangeProfile PROFILE = new ExchangeProfile(ExchangeId.BINANCE, MarketType.PERPETUAL, INTERVALS.keySet(), 1500);

    private final BinanceMarketDataServiceRaw market;

    public BinanceClient(ExchangeSettings settings) {
        ExchangeSpecification spec = XChangeSpecifications.offline(
                new FuturesHostBinanceExchange().getDefaultExchangeSpecification(), settings);
        spec.setExchangeSpecificParametersItem(BinanceExchange.EXCHANGE_TYPE, ExchangeType.FUTURES);
        spec.setExchangeSpecificParametersItem(Exchange.USE_SANDBOX, settings.testnet());
        if (settings.futuresBaseUrl() != null) {
            spec.setExchangeSpecificParametersItem(FuturesHostBinanceExchange.FUTURES_HOST, settings.futuresBaseUrlOr(null));
        }
        this.market = (BinanceMarketDataServiceRaw) ExchangeFactory.INSTANCE.createExchange(spec).getMarketDataService();
    }

    @Override
    public ExchangeProfile profile() {
        return PROFILE;
    }

    @Override
    public List<Candle> candles(Symbol symbol, Timeframe timeframe, Instant end, int limit) {
        try {
            return klines(symbol, INTERVALS.get(timeframe), end, limit).stream().map(BinanceClient::candle).toList();
        } catch (Exception e) {
            throw classify(e);
        }
    }

    @Override
    public boolean pagesHistory() {
        return true;
    }

    /** {@code klines} with {@code startTime}: the candles opening at or after it, oldest first. */
    @Override
    public List<Candle> candlesSince(Symbol symbol, Timeframe timeframe, Instant from, int limit) {
        try {
            var contract = new FuturesContract(new CurrencyPair(symbol.base(), symbol.quote()), "PERP");
            return market.klines(contract, INTERVALS.get(timeframe), limit, from.toEpochMilli(), null).stream()
                    .map(BinanceClient::candle)
                    .toList();
        } catch (Exception e) {
            throw classify(e);
        }
    }

    @Override
    public BigDecimal lastPrice(Symbol symbol) {
        try {
            List<BinanceKline> last = klines(symbol, KlineInterval.m1, null, 1);
            if (last.isEmpty()) {
                throw new ExchangeFailure.Malformed("Binance returned no kline for " + symbol, null);
            }
            return last.getLast().getClose();
        } catch (Exception e) {
            throw classify(e);
        }
    }

    @Override
    public List<PairListing> listing() {
        try {
            BinanceExchangeInfo info = market.getFutureExchangeInfo();
            List<PairListing> listing = new ArrayList<>();
            for (var symbol : info.getSymbols()) {
                if ("PERPETUAL".equals(symbol.getContractType()) && "TRADING".equals(symbol.getStatus())
                        && "USDT".equals(symbol.getQuoteAsset())) {
                    Symbol.fromListing(symbol.getBaseAsset(), symbol.getQuoteAsset())
                            .ifPresent(pair -> listing.add(PairListing.of(pair, tickSize(symbol.getFilters()))));
                }
            }
            return listing;
        } catch (Exception e) {
            throw classify(e);
        }
    }

    /** The {@code PRICE_FILTER}'s {@code tickSize}, or null. */
    private static String tickSize(Filter[] filters) {
        if (filters == null) {
            return null;
        }
        return Arrays.stream(filters).filter(filter -> "PRICE_FILTER".equals(filter.getFilterType()))
                .map(Filter::getTickSize).findFirst().orElse(null);
    }

    private static Candle candle(BinanceKline k) {
        return new Candle(Instant.ofEpochMilli(k.getOpenTime()), k.getOpen(), k.getHigh(), k.getLow(), k.getClose(), k.getVolume());
    }

    private List<BinanceKline> klines(Symbol symbol, KlineInterval interval, Instant end, int limit) throws Exception {
        var contract = new FuturesContract(new CurrencyPair(symbol.base(), symbol.quote()), "PERP");
        return market.klines(contract, interval, limit, null, end == null ? null : end.toEpochMilli());
    }

    private static ExchangeFailure classify(Exception e) {
        return XChangeFailures.classify(ExchangeId.BINANCE, e, failure -> {
            if (!(failure instanceof BinanceException binance)) {
                return Optional.empty();
            }
            String message = "Binance code " + binance.getCode() + ": " + binance.getMessage();
            return switch (binance.getCode()) {
                case -1003, -1015 -> Optional.of(new ExchangeFailure.RateLimited(message, retryAfter(binance)));
                case -1000, -1001, -1006, -1007 -> Optional.of(new ExchangeFailure.Unavailable(message, binance));
                default -> binance.getHttpStatusCode() >= 500 || binance.getHttpStatusCode() == 429
                        ? Optional.empty()
                        : Optional.of(new ExchangeFailure.Rejected(message));
            };
        });
    }

    private static Duration retryAfter(BinanceException binance) {
        var headers = binance.getResponseHeaders();
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream()
                .filter(header -> "retry-after".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty())
                .findFirst()
                .map(header -> {
                    try {
                        return Duration.ofSeconds(Long.parseLong(header.getValue().getFirst().strip()));
                    } catch (NumberFormatException e) {
                        return null;
                    }
                })
                .orElse(null);
    }
}
