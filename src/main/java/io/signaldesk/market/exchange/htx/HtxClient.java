package io.signaldesk.market.exchange.htx;

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
 * HTX (Huobi) USDT-margined linear swaps on {@code api.hbdm.com}; XChange's Huobi module has spot
 * klines only. Kline {@code id} is the open time in seconds; {@code amount} is the volume in the base
 * coin. Errors come as {@code status: "error"} with {@code err-code}/{@code err_code}. No testnet.
 * History pages: the same kline call with {@code from}/{@code to}.
 * No 1d: HTX's daily candles open at midnight UTC+8, not on our UTC days.
 */
public final class HtxClient implements ExchangeClient {

    static final String MAINNET = "https://api.hbdm.com";
    private static final Map<Timeframe, String> PERIODS = Map.ofEntries(
            Map.entry(Timeframe.M1, "1min"), Map.entry(Timeframe.M5, "5min"), Map.entry(Timeframe.M15, "15min"),
            Map.entry(Timeframe.M30, "30min"), Map.entry(Timeframe.H1, "60min"), Map.entry(Timeframe.H4, "4hour"));
    private static final ExchangeProfile PROFILE = new ExchangeProfile(ExchangeId.HTX, MarketType.PERPETUAL, PERIODS.keySet(), 2000);

    private final ExchangeHttp http;
    private final ExchangeJson json = new ExchangeJson(ExchangeId.HTX);

    public HtxClient(ExchangeSettings settings) {
        this.http = new ExchangeHttp(ExchangeId.HTX, settings.baseUrlOr(MAINNET), settings.timeout());
    }

    @Override
    public ExchangeProfile profile() {
        return PROFILE;
    }

    @Override
    public List<Candle> candles(Symbol symbol, Timeframe timeframe, Instant end, int limit) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("contract_code", contractCode(symbol));
        query.put("period", PERIODS.get(timeframe));
        if (end == null) {
            query.put("size", limit);
        } else {
            Instant lastOpen = timeframe.openOf(end);
            query.put("from", lastOpen.minus(timeframe.duration().multipliedBy(limit - 1L)).getEpochSecond());
            query.put("to", lastOpen.getEpochSecond());
        }
        return klines(query);
    }

    private List<Candle> klines(Map<String, Object> query) {
        JsonNode rows = json.field(ok(http.get("/linear-swap-ex/market/history/kline", query)), "data");
        List<Candle> candles = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            candles.add(new Candle(Instant.ofEpochSecond(json.integer(json.field(row, "id"))),
                    json.decimal(json.field(row, "open")), json.decimal(json.field(row, "high")),
                    json.decimal(json.field(row, "low")), json.decimal(json.field(row, "close")),
                    json.decimal(json.field(row, "amount"))));
        }
        candles.sort(Comparator.comparing(Candle::openTime));
        return candles;
    }

    @Override
    public boolean pagesHistory() {
        return true;
    }

    /**
     * The kline call with {@code from} and {@code to} (seconds, both inclusive): the candles opening in
     * [{@code from}, {@code from + (limit - 1) × timeframe}], at most 2,000.
     */
    @Override
    public List<Candle> candlesSince(Symbol symbol, Timeframe timeframe, Instant from, int limit) {
        int count = Math.min(limit, PROFILE.maxCandlesPerRequest());
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("contract_code", contractCode(symbol));
        query.put("period", PERIODS.get(timeframe));
        query.put("from", from.getEpochSecond());
        query.put("to", from.plus(timeframe.duration().multipliedBy(count - 1L)).getEpochSecond());
        return klines(query);
    }

    @Override
    public BigDecimal lastPrice(Symbol symbol) {
        JsonNode answer = ok(http.get("/linear-swap-ex/market/detail/merged", Map.of("contract_code", contractCode(symbol))));
        return json.decimal(json.field(json.field(answer, "tick"), "close"));
    }

    @Override
    public List<PairListing> listing() {
        List<PairListing> listing = new ArrayList<>();
        for (JsonNode contract : json.field(ok(http.get("/linear-swap-api/v1/swap_contract_info", Map.of())), "data")) {
            String code = contract.path("contract_code").asString();
            int dash = code.indexOf('-');
            if (contract.path("contract_status").asInt(-1) == 1 && "swap".equals(contract.path("business_type").asString(""))
                    && dash > 0 && code.endsWith("-USDT")) {
                Symbol.fromListing(code.substring(0, dash), "USDT")
                        .ifPresent(pair -> listing.add(PairListing.of(pair, contract.path("price_tick").asString(""))));
            }
        }
        return listing;
    }

    private static String contractCode(Symbol symbol) {
        return symbol.base() + "-" + symbol.quote();
    }

    private JsonNode ok(JsonNode answer) {
        if ("ok".equals(answer.path("status").asString())) {
            return answer;
        }
        String code = answer.has("err-code") ? answer.path("err-code").asString() : answer.path("err_code").asString();
        String text = answer.has("err-msg") ? answer.path("err-msg").asString() : answer.path("err_msg").asString();
        String message = "HTX error " + code + ": " + text;
        if ("1032".equals(code) || code.contains("too-many") || code.contains("limit")) {
            throw new ExchangeFailure.RateLimited(message, null);
        }
        if ("1000".equals(code) || "1001".equals(code) || "1004".equals(code)) {
            throw new ExchangeFailure.Unavailable(message, null);
        }
        throw new ExchangeFailure.Rejected(message);
    }
}
