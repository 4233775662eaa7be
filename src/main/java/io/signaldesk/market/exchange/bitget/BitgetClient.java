package io.signaldesk.market.exchange.bitget;

import io.signaldesk.market.PairListing;
import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.exchange.ExchangeClient;
import io.signaldesk.market.exchange.ExchangeFailure;
import io.signaldesk.market.exchange.ExchangeProfile;
import io.signaldesk.market.exchange.ExchangeHttp;
import io.signaldesk.market.exchange.ExchangeJson;
import io.signaldesk.market.exchange.ExchangeSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Bitget API v2, USDT-M perpetual futures ({@code productType=usdt-futures}); XChange's Bitget module
 * has spot symbols and trading only. Success is {@code code "00000"}; HTTP 429 is a rate limit; other
 * errors come as HTTP 4xx with a code and message. 6h, 12h and 1d use the UTC-aligned granularities.
 * Bitget has no public testnet for this API.
 */
public final class BitgetClient implements ExchangeClient {

    static final String MAINNET = "https://api.bitget.com";
    private static final Map<Timeframe, String> GRANULARITIES = Map.ofEntries(
            Map.entry(Timeframe.M1, "1m"), Map.entry(Timeframe.M3, "3m"), Map.entry(Timeframe.M5, "5m"),
            Map.entry(Timeframe.M15, "15m"), Map.entry(Timeframe.M30, "30m"), Map.entry(Timeframe.H1, "1H"),
            Map.entry(Timeframe.H4, "4H"), Map.entry(Timeframe.H6, "6Hutc"), Map.entry(Timeframe.H12, "12Hutc"),
            Map.entry(Timeframe.D1, "1Dutc"));
    private static final ExchangeProfile PROFILE = new ExchangeProfile(ExchangeId.BITGET, MarketType.PERPETUAL, GRANULARITIES.keySet(), 1000);

    private static final int HISTORY_PAGE = 200;

    private final ExchangeHttp http;
    private final ExchangeJson json = new ExchangeJson(ExchangeId.BITGET);

    public BitgetClient(ExchangeSettings settings) {
        this.http = new ExchangeHttp(ExchangeId.BITGET, settings.baseUrlOr(MAINNET), settings.timeout());
    }

    @Override
    public ExchangeProfile profile() {
        return PROFILE;
    }

    @Override
    public List<Candle> candles(Symbol symbol, Timeframe timeframe, Instant end, int limit) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("symbol", symbol.joined());
        query.put("productType", "usdt-futures");
        query.put("granularity", GRANULARITIES.get(timeframe));
        query.put("limit", limit);
        query.put("endTime", end == null ? null : end.toEpochMilli());
        return candles(data(http.get("/api/v2/mix/market/candles", query)));
    }

    private List<Candle> candles(JsonNode rows) {
        List<Candle> candles = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            candles.add(json.arrayCandle(row));
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
     * {@code history-candles} with {@code startTime} and {@code endTime} (ms): the candles opening in that
     * window, at most 200 a request (Bitget's limit for this call).
     */
    @Override
    public List<Candle> candlesSince(Symbol symbol, Timeframe timeframe, Instant from, int limit) {
        int count = Math.min(limit, HISTORY_PAGE);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("symbol", symbol.joined());
        query.put("productType", "usdt-futures");
        query.put("granularity", GRANULARITIES.get(timeframe));
        query.put("startTime", from.toEpochMilli());
        query.put("endTime", from.plus(timeframe.duration().multipliedBy(count)).toEpochMilli() - 1);
        query.put("limit", count);
        return candles(data(http.get("/api/v2/mix/market/history-candles", query)));
    }

    @Override
    public BigDecimal lastPrice(Symbol symbol) {
        JsonNode tickers = data(http.get("/api/v2/mix/market/ticker",
                Map.of("symbol", symbol.joined(), "productType", "usdt-futures")));
        return json.decimal(json.field(json.element(tickers, 0), "lastPr"));
    }

    @Override
    public List<PairListing> listing() {
        List<PairListing> listing = new ArrayList<>();
        for (JsonNode contract : data(http.get("/api/v2/mix/market/contracts", Map.of("productType", "usdt-futures")))) {
            if ("perpetual".equals(contract.path("symbolType").asString())
                    && "normal".equals(contract.path("symbolStatus").asString())) {
                Symbol.fromListing(contract.path("baseCoin").asString(), contract.path("quoteCoin").asString())
                        .ifPresent(pair -> listing.add(new PairListing(pair, tickSize(contract))));
            }
        }
        return listing;
    }

    /** {@code priceEndStep} units at {@code pricePlace} decimals: pricePlace 1, priceEndStep 5 → 0.5; null when either is missing. */
    private static BigDecimal tickSize(JsonNode contract) {
        int place = contract.path("pricePlace").asInt(-1);
        int step = contract.path("priceEndStep").asInt(0);
        return place < 0 || step <= 0 ? null : BigDecimal.valueOf(step).movePointLeft(place);
    }

    private JsonNode data(JsonNode answer) {
        String code = json.field(answer, "code").asString();
        if ("00000".equals(code)) {
            return json.field(answer, "data");
        }
        throw new ExchangeFailure.Rejected("Bitget code " + code + ": " + answer.path("msg").asString());
    }
}
