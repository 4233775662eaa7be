package io.signaldesk.accounts.exchange.binance;

import io.signaldesk.accounts.exchange.AccountExchange;
import io.signaldesk.accounts.exchange.AccountFailure;
import io.signaldesk.accounts.exchange.AccountJson;
import io.signaldesk.accounts.exchange.AccountSettings;
import io.signaldesk.accounts.exchange.ApiCredentials;
import io.signaldesk.accounts.exchange.ExchangeError;
import io.signaldesk.accounts.exchange.ExchangePosition;
import io.signaldesk.accounts.exchange.Hmac;
import io.signaldesk.accounts.exchange.KeyPermissions;
import io.signaldesk.accounts.exchange.KeyPermissions.Access;
import io.signaldesk.accounts.exchange.Redaction;
import io.signaldesk.accounts.exchange.SignedHttp;
import io.signaldesk.accounts.exchange.SignedRequest;
import io.signaldesk.accounts.exchange.WalletBalance;
import io.signaldesk.accounts.exchange.WalletBalance.Wallet;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Binance's signed account API (SIGNED endpoints: {@code timestamp} and {@code recvWindow} in the query, the
 * HMAC-SHA256 hex of the whole query as {@code signature}, the key in {@code X-MBX-APIKEY}).
 *
 * <ul>
 *   <li>verify: {@code GET /sapi/v1/account/apiRestrictions} on the spot host: {@code enableWithdrawals};
 *       trading is any of {@code enableSpotAndMarginTrading}, {@code enableMargin}, {@code enableFutures},
 *       {@code enablePortfolioMarginTrading}, {@code enableVanillaOptions}. (The spot testnet has no {@code /sapi}.)</li>
 *   <li>balances: spot {@code GET /api/v3/account?omitZeroBalances=true} (free + locked), then USD-M futures
 *       {@code GET /fapi/v3/balance} on the futures host (margin balance = {@code balance + crossUnPnl}, non-zero only).
 *       A key without futures access is refused by fapi with -2015 even though its spot call worked: that key simply
 *       has no futures wallet to read, so its spot balances stand alone.</li>
 *   <li>positions: USD-M {@code GET /fapi/v2/positionRisk} on the futures host (v2, because v3 dropped
 *       {@code leverage}): every symbol's {@code positionAmt} (its sign the side in one-way mode; {@code positionSide}
 *       LONG / SHORT in hedge mode), {@code entryPrice}, {@code markPrice}, {@code unRealizedProfit}, {@code leverage},
 *       {@code updateTime}; zero amounts and symbols not quoted in USDT (USDC, dated {@code BTCUSDT_250328}) skipped.
 *       No exit price: a position gone from it is simply absent.</li>
 *   <li>errors: {@code {"code":-2015,"msg":"…"}}; -1002, -1022, -2008, -2014, -2015 a rejected key; -1003 too many
 *       requests; -1000, -1001, -1007, -1021 (our clock out of the receive window) unavailable.</li>
 * </ul>
 */
public final class BinanceAccount implements AccountExchange {

    static final String SPOT = "https://api.binance.com";
    static final String SPOT_TESTNET = "https://testnet.binance.vision";
    static final String FUTURES = "https://fapi.binance.com";
    static final String FUTURES_TESTNET = "https://testnet.binancefuture.com";
    private static final long RECEIVE_WINDOW_MILLIS = 5000;
    private static final Set<Integer> KEY_REJECTED = Set.of(-1002, -1022, -2008, -2014, -2015);
    private static final Set<Integer> UNAVAILABLE = Set.of(-1000, -1001, -1007, -1021);

    private final String spotUrl;
    private final String futuresUrl;
    private final SignedHttp http;
    private final AccountJson json = new AccountJson(ExchangeId.BINANCE);
    private final Clock clock;

    public BinanceAccount(AccountSettings settings, Clock clock) {
        this.spotUrl = settings.baseUrlOr(settings.testnet() ? SPOT_TESTNET : SPOT);
        this.futuresUrl = settings.futuresBaseUrlOr(settings.testnet() ? FUTURES_TESTNET : FUTURES);
        this.http = new SignedHttp(ExchangeId.BINANCE, settings.timeout());
        this.clock = clock;
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.BINANCE;
    }

    @Override
    public boolean needsPassphrase() {
        return false;
    }

    @Override
    public KeyPermissions verify(ApiCredentials credentials) {
        JsonNode restrictions = get(credentials, spotUrl, "/sapi/v1/account/apiRestrictions", "");
        boolean withdraw = json.bool(restrictions, "enableWithdrawals");
        boolean trade = flag(restrictions, "enableSpotAndMarginTrading") || flag(restrictions, "enableMargin")
                || flag(restrictions, "enableFutures") || flag(restrictions, "enablePortfolioMarginTrading")
                || flag(restrictions, "enableVanillaOptions");
        return new KeyPermissions(trade ? Access.YES : Access.NO, withdraw ? Access.YES : Access.NO,
                "Binance GET /sapi/v1/account/apiRestrictions: withdrawals " + onOff(withdraw) + ", trading " + onOff(trade));
    }

    @Override
    public List<WalletBalance> balances(ApiCredentials credentials) {
        List<WalletBalance> balances = new ArrayList<>();
        JsonNode account = get(credentials, spotUrl, "/api/v3/account", "omitZeroBalances=true");
        for (JsonNode row : json.array(account, "balances")) {
            BigDecimal total = json.decimal(row, "free").add(json.decimal(row, "locked"));
            if (total.signum() != 0) {
                balances.add(new WalletBalance(Wallet.SPOT, json.text(row, "asset"), total));
            }
        }
        futures(credentials).ifPresent(balances::addAll);
        return List.copyOf(balances);
    }

    @Override
    public boolean offersPositions() {
        return true;
    }

    @Override
    public List<ExchangePosition> positions(ApiCredentials credentials) {
        JsonNode rows = get(credentials, futuresUrl, "/fapi/v2/positionRisk", "");
        if (!rows.isArray()) {
            throw json.malformed("the position risk is not a list");
        }
        List<ExchangePosition> positions = new ArrayList<>();
        for (JsonNode row : rows) {
            BigDecimal amount = json.decimal(row, "positionAmt");
            String symbol = json.text(row, "symbol");
            Optional<Symbol> pair = ExchangePosition.usdtPair(symbol);
            if (amount.signum() == 0 || pair.isEmpty()) {
                continue;
            }
            JsonNode hedgeSide = row.get("positionSide");
            ExchangePosition.Side side = hedgeSide != null && hedgeSide.asString().equals("SHORT") ? ExchangePosition.Side.SHORT
                    : hedgeSide != null && hedgeSide.asString().equals("LONG") ? ExchangePosition.Side.LONG
                    : amount.signum() > 0 ? ExchangePosition.Side.LONG : ExchangePosition.Side.SHORT;
            JsonNode updated = row.get("updateTime");
            positions.add(new ExchangePosition(pair.get(), side, amount.abs(), json.decimal(row, "entryPrice"),
                    json.decimal(row, "markPrice"), json.decimal(row, "leverage"), json.decimal(row, "unRealizedProfit"),
                    updated == null || updated.asLong() <= 0 ? null : Instant.ofEpochMilli(updated.asLong())));
        }
        return List.copyOf(positions);
    }

    private Optional<List<WalletBalance>> futures(ApiCredentials credentials) {
        JsonNode rows;
        try {
            rows = get(credentials, futuresUrl, "/fapi/v3/balance", "");
        } catch (AccountFailure.KeyRejected noFuturesAccess) {
            return Optional.empty();
        }
        if (!rows.isArray()) {
            throw json.malformed("the futures balance is not a list");
        }
        List<WalletBalance> balances = new ArrayList<>();
        for (JsonNode row : rows) {
            BigDecimal margin = json.decimal(row, "balance").add(json.decimal(row, "crossUnPnl"));
            if (margin.signum() != 0) {
                balances.add(new WalletBalance(Wallet.FUTURES, json.text(row, "asset"), margin));
            }
        }
        return Optional.of(balances);
    }

    private JsonNode get(ApiCredentials credentials, String host, String path, String parameters) {
        String query = (parameters.isEmpty() ? "" : parameters + "&") + "recvWindow=" + RECEIVE_WINDOW_MILLIS
                + "&timestamp=" + clock.millis();
        String signature = Hmac.sha256Hex(credentials.secret(), query);
        String signed = query + "&signature=" + signature;
        return http.send(SignedRequest.get(host, path, signed, Map.of("X-MBX-APIKEY", credentials.key()),
                Redaction.of(credentials, signature, signed)), BinanceAccount::error);
    }

    static Optional<ExchangeError> error(int status, JsonNode body) {
        JsonNode code = body.get("code");
        if (code == null || !code.isNumber() || status < 400 && code.intValue() >= 0) {
            return Optional.empty();
        }
        int value = code.intValue();
        JsonNode msg = body.get("msg");
        String detail = "code " + value + ": " + (msg == null ? "" : msg.asString());
        if (KEY_REJECTED.contains(value)) {
            return Optional.of(ExchangeError.keyRejected(detail));
        }
        if (value == -1003) {
            return Optional.of(ExchangeError.rateLimited(detail));
        }
        if (UNAVAILABLE.contains(value) || status >= 500) {
            return Optional.of(ExchangeError.unavailable(detail));
        }
        return Optional.of(ExchangeError.malformed(detail));
    }

    private static boolean flag(JsonNode restrictions, String name) {
        JsonNode value = restrictions.get(name);
        return value != null && value.isBoolean() && value.booleanValue();
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
