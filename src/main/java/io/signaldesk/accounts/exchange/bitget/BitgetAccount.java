package io.signaldesk.accounts.exchange.bitget;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Bitget's v2 signed API: headers {@code ACCESS-KEY}, {@code ACCESS-PASSPHRASE}, {@code ACCESS-TIMESTAMP} (ms) and
 * {@code ACCESS-SIGN}, the Base64 HMAC-SHA256 of {@code timestamp + method + path + "?" + query + body}. Answers carry
 * {@code code} ("00000": fine) and {@code msg}. No testnet for this API.
 *
 * <ul>
 *   <li>verify: {@code GET /api/v2/spot/account/info}; its {@code authorities} list is read as far as its names are
 *       plain: one naming withdrawals makes the key a withdrawal key, one naming trading a trading key, read-only
 *       names alone a read-only key. Bitget's documents give no full list of these names, so a key whose list names no
 *       withdrawal is reported as UNKNOWN for withdrawals, with advice to check it in Bitget.</li>
 *   <li>balances: spot {@code GET /api/v2/spot/account/assets} (available + frozen + locked) and USDT-M futures
 *       {@code GET /api/v2/mix/account/accounts?productType=USDT-FUTURES} ({@code accountEquity}).</li>
 *   <li>positions: {@code GET /api/v2/mix/position/all-position?productType=USDT-FUTURES&marginCoin=USDT}:
 *       {@code holdSide} long / short, {@code total} in the base coin, {@code openPriceAvg}, {@code markPrice},
 *       {@code leverage}, {@code unrealizedPL}, {@code uTime}. No exit price here: Bitget reports it afterwards in
 *       {@code /api/v2/mix/position/history-position} ({@code closeAvgPrice}), not read yet.</li>
 *   <li>errors: 40006 invalid key, 40009 bad signature, 40011 / 40012 wrong passphrase, 40014 no permission, 40018 /
 *       40038 IP not allowed, 40037 unknown key: a rejected key; 429 too many requests; 40008 / 40010 (our clock,
 *       a timeout) unavailable.</li>
 * </ul>
 */
public final class BitgetAccount implements AccountExchange {

    static final String MAINNET = "https://api.bitget.com";
    private static final Set<String> KEY_REJECTED = Set.of("40006", "40009", "40011", "40012", "40014", "40018", "40037",
            "40038");
    private static final Set<String> UNAVAILABLE = Set.of("40008", "40010");
    private static final ExchangeError.Codes CODES = new ExchangeError.Codes(KEY_REJECTED, Set.of("429"), UNAVAILABLE);
    private static final Set<String> READ_ONLY = Set.of("readonly", "read_only", "read");


    private final String baseUrl;
    private final SignedHttp http;
    private final AccountJson json = new AccountJson(ExchangeId.BITGET);
    private final Clock clock;

    public BitgetAccount(AccountSettings settings, Clock clock) {
        this.baseUrl = settings.baseUrlOr(MAINNET);
        this.http = new SignedHttp(ExchangeId.BITGET, settings.timeout());
        this.clock = clock;
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.BITGET;
    }

    @Override
    public boolean needsPassphrase() {
        return true;
    }

    @Override
    public KeyPermissions verify(ApiCredentials credentials) {
        List<String> authorities = new ArrayList<>();
        for (JsonNode authority : json.array(json.field(get(credentials, "/api/v2/spot/account/info", ""), "data"), "authorities")) {
            authorities.add(authority.asString().strip().toLowerCase(Locale.ROOT));
        }
        boolean withdraw = authorities.stream().anyMatch(name -> name.contains("withdraw"));
        Access trade = authorities.stream().anyMatch(name -> name.contains("trade")) ? Access.YES
                : READ_ONLY.containsAll(authorities) ? Access.NO : Access.UNKNOWN;
        String source = "Bitget GET /api/v2/spot/account/info: authorities " + String.join(", ", authorities);
        return withdraw ? new KeyPermissions(trade, Access.YES, source)
                : new KeyPermissions(trade, Access.UNKNOWN, source + ". Bitget does not say plainly whether a key may "
                        + "withdraw: check in Bitget that this key's 'Withdraw' permission is off");
    }

    @Override
    public List<WalletBalance> balances(ApiCredentials credentials) {
        List<WalletBalance> balances = new ArrayList<>();
        for (JsonNode row : json.array(get(credentials, "/api/v2/spot/account/assets", ""), "data")) {
            BigDecimal total = json.decimal(row, "available").add(json.decimal(row, "frozen")).add(json.decimal(row, "locked"));
            add(balances, Wallet.SPOT, json.text(row, "coin"), total);
        }
        for (JsonNode row : json.array(get(credentials, "/api/v2/mix/account/accounts", "productType=USDT-FUTURES"), "data")) {
            add(balances, Wallet.FUTURES, json.text(row, "marginCoin"), json.decimal(row, "accountEquity"));
        }
        return List.copyOf(balances);
    }

    @Override
    public boolean offersPositions() {
        return true;
    }

    @Override
    public List<ExchangePosition> positions(ApiCredentials credentials) {
        List<ExchangePosition> positions = new ArrayList<>();
        for (JsonNode row : json.array(get(credentials, "/api/v2/mix/position/all-position", "productType=USDT-FUTURES&marginCoin=USDT"),
                "data")) {
            BigDecimal size = json.decimal(row, "total");
            String symbol = json.text(row, "symbol").toUpperCase(Locale.ROOT);
            String side = json.text(row, "holdSide");
            Optional<Symbol> pair = ExchangePosition.usdtPair(symbol);
            if (size.signum() <= 0 || pair.isEmpty() || !(side.equals("long") || side.equals("short"))) {
                continue;
            }
            positions.add(new ExchangePosition(pair.get(), side.equals("long") ? ExchangePosition.Side.LONG : ExchangePosition.Side.SHORT,
                    size, json.decimal(row, "openPriceAvg"), json.optionalDecimal(row, "markPrice"), json.optionalDecimal(row, "leverage"),
                    json.optionalDecimal(row, "unrealizedPL"), json.optionalMillis(row, "uTime")));
        }
        return List.copyOf(positions);
    }


    private static void add(List<WalletBalance> balances, Wallet wallet, String asset, BigDecimal total) {
        if (total.signum() != 0) {
            balances.add(new WalletBalance(wallet, asset.toUpperCase(Locale.ROOT), total));
        }
    }

    private JsonNode get(ApiCredentials credentials, String path, String query) {
        String passphrase = credentials.passphrase().orElseThrow(() -> new AccountFailure.KeyRejected(
                "a Bitget key comes with a passphrase: it is missing"));
        String timestamp = Long.toString(clock.millis());
        String signature = Hmac.sha256Base64(credentials.secret(), timestamp + "GET" + path + (query.isEmpty() ? "" : "?" + query));
        Map<String, String> headers = Map.of("ACCESS-KEY", credentials.key(), "ACCESS-PASSPHRASE", passphrase,
                "ACCESS-TIMESTAMP", timestamp, "ACCESS-SIGN", signature, "locale", "en-US");
        return http.send(SignedRequest.get(baseUrl, path, query, headers, Redaction.of(credentials, signature)),
                BitgetAccount::error);
    }

    static Optional<ExchangeError> error(int status, JsonNode body) {
        return CODES.read(status, body, "00000");
    }
}
