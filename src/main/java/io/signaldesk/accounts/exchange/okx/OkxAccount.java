package io.signaldesk.accounts.exchange.okx;

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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * OKX's v5 signed API: headers {@code OK-ACCESS-KEY}, {@code OK-ACCESS-PASSPHRASE}, {@code OK-ACCESS-TIMESTAMP} (ISO
 * 8601 UTC with milliseconds) and {@code OK-ACCESS-SIGN}, the Base64 HMAC-SHA256 of {@code timestamp + method +
 * requestPath (with its query) + body}. With the testnet setting, the demo-trading header {@code x-simulated-trading: 1}.
 * Answers carry {@code code} (a string, "0": fine) and {@code msg}; authentication errors come with HTTP 401.
 *
 * <ul>
 *   <li>verify: {@code GET /api/v5/account/config}: {@code data[0].perm}, a comma-separated list of
 *       {@code read_only}, {@code trade}, {@code withdraw}.</li>
 *   <li>balances: the trading account {@code GET /api/v5/account/balance} (each currency's {@code eq}, its equity,
 *       as the unified wallet) and the funding account {@code GET /api/v5/asset/balances} ({@code bal}).</li>
 *   <li>positions: {@code GET /api/v5/account/positions?instType=SWAP}, USDT swaps only ({@code BTC-USDT-SWAP}):
 *       {@code posSide} long / short (hedge mode) or net (the sign of {@code pos}), {@code avgPx}, {@code markPx},
 *       {@code lever}, {@code upl}, {@code uTime}. {@code pos} counts contracts: it is turned into base units with the
 *       instrument's contract value ({@code ctVal} of {@code GET /api/v5/public/instruments}, read once per instrument
 *       and kept). No exit price here: OKX reports it afterwards in {@code /api/v5/account/positions-history}
 *       ({@code closeAvgPx}), not read yet.</li>
 *   <li>errors: 50100 key frozen, 50101 key of the other environment (live / demo), 50103–50107 a missing header,
 *       50105 wrong passphrase, 50110 IP not allowed, 50111 invalid key, 50113 invalid signature, 50114 invalid
 *       authorization, 50119 unknown key, 50120 no permission: a rejected key; 50011 too many requests; 50001,
 *       50004, 50013, 50026, and 50102 / 50112 (our clock) unavailable.</li>
 * </ul>
 */
public final class OkxAccount implements AccountExchange {

    static final String MAINNET = "https://www.okx.com";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Set<String> KEY_REJECTED = Set.of("50100", "50101", "50103", "50104", "50105", "50106", "50107",
            "50110", "50111", "50113", "50114", "50119", "50120");
    private static final Set<String> UNAVAILABLE = Set.of("50001", "50004", "50013", "50026", "50102", "50112");
    private static final ExchangeError.Codes CODES = new ExchangeError.Codes(KEY_REJECTED, Set.of("50011"), UNAVAILABLE);

    private static final String QUOTE = "USDT";

    private final Map<String, BigDecimal> contractValues = new ConcurrentHashMap<>();
    private final String baseUrl;
    private final boolean demo;
    private final SignedHttp http;
    private final AccountJson json = new AccountJson(ExchangeId.OKX);
    private final Clock clock;

    public OkxAccount(AccountSettings settings, Clock clock) {
        this.baseUrl = settings.baseUrlOr(MAINNET);
        this.demo = settings.testnet();
        this.http = new SignedHttp(ExchangeId.OKX, settings.timeout());
        this.clock = clock;
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.OKX;
    }

    @Override
    public boolean needsPassphrase() {
        return true;
    }

    @Override
    public KeyPermissions verify(ApiCredentials credentials) {
        String perm = json.text(first(get(credentials, "/api/v5/account/config", "")), "perm");
        Set<String> granted = Set.copyOf(Arrays.stream(perm.split(",")).map(String::strip).toList());
        boolean trade = granted.contains("trade");
        boolean withdraw = granted.contains("withdraw");
        return new KeyPermissions(trade ? Access.YES : Access.NO, withdraw ? Access.YES : Access.NO,
                "OKX GET /api/v5/account/config: permissions " + String.join(", ", granted.stream().sorted().toList()));
    }

    @Override
    public List<WalletBalance> balances(ApiCredentials credentials) {
        List<WalletBalance> balances = new ArrayList<>();
        for (JsonNode detail : json.array(first(get(credentials, "/api/v5/account/balance", "")), "details")) {
            add(balances, Wallet.UNIFIED, json.text(detail, "ccy"), json.decimal(detail, "eq"));
        }
        for (JsonNode row : json.array(get(credentials, "/api/v5/asset/balances", ""), "data")) {
            add(balances, Wallet.FUNDING, json.text(row, "ccy"), json.decimal(row, "bal"));
        }
        return List.copyOf(balances);
    }

    private static void add(List<WalletBalance> balances, Wallet wallet, String asset, BigDecimal total) {
        if (total.signum() != 0) {
            balances.add(new WalletBalance(wallet, asset, total));
        }
    }

    private JsonNode first(JsonNode answer) {
        JsonNode data = json.array(answer, "data");
        if (data.isEmpty()) {
            throw json.malformed("'data' is empty");
        }
        return data.get(0);
    }

    @Override
    public boolean offersPositions() {
        return true;
    }

    @Override
    public List<ExchangePosition> positions(ApiCredentials credentials) {
        List<ExchangePosition> positions = new ArrayList<>();
        for (JsonNode row : json.array(get(credentials, "/api/v5/account/positions", "instType=SWAP"), "data")) {
            String instrument = json.text(row, "instId");
            BigDecimal contracts = json.decimal(row, "pos");
            String[] parts = instrument.split("-");
            if (contracts.signum() == 0 || parts.length != 3 || !parts[1].equals(QUOTE) || !parts[2].equals("SWAP")) {
                continue;
            }
            Optional<Symbol> pair = Symbol.fromListing(parts[0], QUOTE);
            if (pair.isEmpty()) {
                continue;
            }
            String posSide = json.text(row, "posSide");
            ExchangePosition.Side side = switch (posSide) {
                case "long" -> ExchangePosition.Side.LONG;
                case "short" -> ExchangePosition.Side.SHORT;
                default -> contracts.signum() > 0 ? ExchangePosition.Side.LONG : ExchangePosition.Side.SHORT;
            };
            BigDecimal size = contracts.abs().multiply(contractValue(credentials, instrument)).stripTrailingZeros();
            positions.add(new ExchangePosition(pair.get(), side, size, json.decimal(row, "avgPx"), json.optionalDecimal(row, "markPx"),
                    json.optionalDecimal(row, "lever"), json.optionalDecimal(row, "upl"), json.optionalMillis(row, "uTime")));
        }
        return List.copyOf(positions);
    }

    /** How much of the base coin one contract of the swap is (0.01 BTC for BTC-USDT-SWAP). */
    private BigDecimal contractValue(ApiCredentials credentials, String instrument) {
        BigDecimal known = contractValues.get(instrument);
        if (known != null) {
            return known;
        }
        BigDecimal value = json.decimal(first(get(credentials, "/api/v5/public/instruments", "instType=SWAP&instId=" + instrument)), "ctVal");
        if (value.signum() <= 0) {
            throw json.malformed("the contract value of " + instrument + " is not positive");
        }
        contractValues.put(instrument, value);
        return value;
    }


    private JsonNode get(ApiCredentials credentials, String path, String query) {
        String passphrase = credentials.passphrase().orElseThrow(() -> new AccountFailure.KeyRejected(
                "an OKX key comes with a passphrase: it is missing"));
        String timestamp = TIMESTAMP.format(clock.instant());
        String signature = Hmac.sha256Base64(credentials.secret(), timestamp + "GET" + path + (query.isEmpty() ? "" : "?" + query));
        Map<String, String> headers = new HashMap<>(Map.of("OK-ACCESS-KEY", credentials.key(), "OK-ACCESS-PASSPHRASE",
                passphrase, "OK-ACCESS-TIMESTAMP", timestamp, "OK-ACCESS-SIGN", signature));
        if (demo) {
            headers.put("x-simulated-trading", "1");
        }
        return http.send(SignedRequest.get(baseUrl, path, query, headers, Redaction.of(credentials, signature)), OkxAccount::error);
    }

    static Optional<ExchangeError> error(int status, JsonNode body) {
        return CODES.read(status, body, "0");
    }
}
