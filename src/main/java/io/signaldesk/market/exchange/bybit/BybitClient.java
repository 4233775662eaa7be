package io.signaldesk.market.exchange.bybit;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Bybit V5 public market API, USDT-margined linear perpetuals ({@code category=linear}); XChange's
 * Bybit module has no kline call. Klines come newest first and are reversed here. Errors arrive as
 * HTTP 200 with a non-zero {@code retCode}: 10006 / 10018 are rate limits, 10016 a server error.
 */
public final class BybitClient implements ExchangeClient {

    static final String MAINNET = "https://api.bybit.com";
    static final String TESTNET = "https://api-testnet.bybit.com";
    private static final Map<Timeframe, String> INTERVALS = Map.ofEntries(
            Map.entry(Timeframe.M1, "1"), Map.entry(Timeframe.M3, "3"), Map.entry(Timeframe.M5, "5"),
            Map.entry(Timeframe.M15, "15"), Map.entry(Timeframe.M30, "30"), Map.entry(Timeframe.H1, "60"),
            Map.entry(Timeframe.H2, "120"), Map.entry(Timeframe.H4, "240"), Map.entry(Timeframe.H6, "360"),
            Map.entry(Timeframe.H12, "720"), Map.entry(Timeframe.D1, "D"));
    private static final ExchangeProfile PROFILE = new ExchangeProfile(ExchangeId.BYBIT, MarketType.PERPETUAL, INTERVALS.keySet(), 1000);

    private final ExchangeHttp http;
    private final ExchangeJson json = new ExchangeJson(ExchangeId.BYBIT);

    public BybitClient(ExchangeSettings settings) {
        this.http = new ExchangeHttp(ExchangeId.BYBIT, settings.baseUrlOr(settings.testnet() ? TESTNET : MAINNET),
                settings.timeout());
    }

    @Override
    public ExchangeProfile profile() {
        return PROFILE;
    }

    @Override
    public List<Candle> candles(Symbol symbol, Timeframe timeframe, Instant end, int limit) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("category", "linear");
        query.put("symbol", symbol.joined());
        query.put("interval", INTERVALS.get(timeframe));
        query.put("limit", limit);
        query.put("end", end == null ? null : end.toEpochMilli());
        return klines(query);
    }

    private List<Candle> klines(Map<String, Object> query) {
        JsonNode rows = json.field(result(http.get("/v5/market/kline", query)), "list");
        List<Candle> candles = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            candles.add(json.arrayCandle(row));
        }
        return candles.reversed();
    }

    @Override
    public boolean pagesHistory() {
        return true;
    }

    /**
     * The kline call with {@code start} and {@code end} (ms, inclusive): Bybit answers the newest {@code limit}
     * of that window, so the window is exactly {@code limit} candles from {@code from}.
     */
    @Override
    public List<Candle> candlesSince(Symbol symbol, Timeframe timeframe, Instant from, int limit) {
        int count = Math.min(limit, PROFILE.maxCandlesPerRequest());
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("category", "linear");
        query.put("symbol", symbol.joined());
        query.put("interval", INTERVALS.get(timeframe));
        query.put("start", from.toEpochMilli());
        query.put("end", from.plus(timeframe.duration().multipliedBy(count - 1L)).toEpochMilli());
        query.put("limit", count);
        return klines(query);
    }

    @Override
    public BigDecimal lastPrice(Symbol symbol) {
        JsonNode list = json.field(result(http.get("/v5/market/tickers",
                Map.of("category", "linear", "symbol", symbol.joined()))), "list");
        return json.decimal(json.field(json.element(list, 0), "lastPrice"));
    }

    @Override
    public List<PairListing> listing() {
        List<PairListing> listing = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("category", "linear");
            query.put("limit", 1000);
            query.put("cursor", cursor);
            JsonNode result = result(http.get("/v5/market/instruments-info", query));
            for (JsonNode instrument : json.field(result, "list")) {
                if ("LinearPerpetual".equals(instrument.path("contractType").asString())
                        && "Trading".equals(instrument.path("status").asString())
                        && "USDT".equals(instrument.path("settleCoin").asString())) {
                    Symbol.fromListing(instrument.path("baseCoin").asString(), instrument.path("quoteCoin").asString())
                            .ifPresent(pair -> listing.add(PairListing.of(pair, instrument.path("priceFilter").path("tickSize").asString(""))));
                }
            }
            cursor = result.path("nextPageCursor").asString("");
        } while (!cursor.isEmpty());
        return listing;
    }

    private JsonNode result(JsonNode answer) {
        long code = json.integer(json.field(answer, "retCode"));
        if (code == 0) {
            return json.field(answer, "result");
        }
        String message = "Bybit retCode " + code + ": " + answer.path("retMsg").asString();
        if (code == 10006 || code == 10018) {
            throw new ExchangeFailure.RateLimited(message, null);
        }
        if (code == 10016) {
            throw new ExchangeFailure.Unavailable(message, null);
        }
        throw new ExchangeFailure.Rejected(message);
    }
}
