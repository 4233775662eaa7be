package io.signaldesk.accounts.exchange.htx;

import io.signaldesk.accounts.exchange.AccountExchange;
import io.signaldesk.accounts.exchange.AccountJson;
import io.signaldesk.accounts.exchange.AccountSettings;
import io.signaldesk.accounts.exchange.ApiCredentials;
import io.signaldesk.accounts.exchange.ExchangeError;
import io.signaldesk.accounts.exchange.Hmac;
import io.signaldesk.accounts.exchange.KeyPermissions;
import io.signaldesk.accounts.exchange.KeyPermissions.Access;
import io.signaldesk.accounts.exchange.Redaction;
import io.signaldesk.accounts.exchange.SignedHttp;
import io.signaldesk.accounts.exchange.SignedRequest;
import io.signaldesk.accounts.exchange.WalletBalance;
import io.signaldesk.accounts.exchange.WalletBalance.Wallet;
import io.signaldesk.market.ExchangeId;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * HTX (Huobi) spot's signed API, signature version 2: the parameters {@code AccessKeyId}, {@code SignatureMethod=
 * HmacSHA256}, {@code SignatureVersion=2} and {@code Timestamp} (UTC, seconds) with the call's own, URL-encoded and
 * sorted, signed as {@code GET\nhost\npath\nquery} (Base64 HMAC-SHA256) into {@code Signature}. Answers: v1
 * {@code {"status":"ok"|"error","err-code","err-msg","data"}}, v2 {@code {"code":200,"message","data"}}.
 *
 * <ul>
 *   <li>verify: {@code GET /v2/user/uid}, then {@code GET /v2/user/api-key?uid=…&accessKey=…}: the key's
 *       {@code permission}, comma-separated {@code readOnly}, {@code trade}, {@code withdraw}.</li>
 *   <li>balances: the spot account of {@code GET /v1/account/accounts}, then
 *       {@code GET /v1/account/accounts/{id}/balance} (its {@code trade} and {@code frozen} rows added). HTX's
 *       USDT-margined swaps keep their margin on another host (api.hbdm.com) and are not read yet.</li>
 *   <li>errors: a signature, access-key or login error (v1 {@code api-signature-not-valid}, {@code login-required},
 *       …; v2 1002 / 1003) is a rejected key; {@code too-many-request} and v2 429 too many requests; v2 500 and 1000
 *       and a v1 {@code base-system-error} unavailable.</li>
 * </ul>
 */
public final class HtxAccount implements AccountExchange {

    static final String SPOT = "https://api.huobi.pro";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Set<Integer> V2_KEY_REJECTED = Set.of(1002, 1003);
    private static final Set<Integer> V2_UNAVAILABLE = Set.of(500, 1000);

    private final String baseUrl;
    private final String host;
    private final SignedHttp http;
    private final AccountJson json = new AccountJson(ExchangeId.HTX);
    private final Clock clock;

    public HtxAccount(AccountSettings settings, Clock clock) {
        this.baseUrl = settings.baseUrlOr(SPOT);
        this.host = URI.create(baseUrl).getAuthority().toLowerCase(Locale.ROOT);
        this.http = new SignedHttp(ExchangeId.HTX, settings.timeout());
        this.clock = clock;
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.HTX;
    }

    @Override
    public boolean needsPassphrase() {
        return false;
    }

    @Override
    public KeyPermissions verify(ApiCredentials credentials) {
        String uid = json.text(get(credentials, "/v2/user/uid", Map.of()), "data");
        JsonNode keys = json.array(get(credentials, "/v2/user/api-key", Map.of("uid", uid, "accessKey", credentials.key())), "data");
        if (keys.isEmpty()) {
            throw json.malformed("the key's information is empty");
        }
        Set<String> granted = Arrays.stream(json.text(keys.get(0), "permission").split(","))
                .map(name -> name.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(java.util.TreeSet::new));
        boolean trade = granted.contains("trade");
        boolean withdraw = granted.contains("withdraw");
        return new KeyPermissions(trade ? Access.YES : Access.NO, withdraw ? Access.YES : Access.NO,
                "HTX GET /v2/user/api-key: permissions " + String.join(", ", granted));
    }

    @Override
    public List<WalletBalance> balances(ApiCredentials credentials) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (JsonNode account : json.array(get(credentials, "/v1/account/accounts", Map.of()), "data")) {
            if (!"spot".equals(json.text(account, "type"))) {
                continue;
            }
            String path = "/v1/account/accounts/" + json.text(account, "id") + "/balance";
            for (JsonNode row : json.array(json.field(get(credentials, path, Map.of()), "data"), "list")) {
                totals.merge(json.text(row, "currency").toUpperCase(Locale.ROOT), json.decimal(row, "balance"), BigDecimal::add);
            }
        }
        List<WalletBalance> balances = new ArrayList<>();
        totals.forEach((asset, total) -> {
            if (total.signum() != 0) {
                balances.add(new WalletBalance(Wallet.SPOT, asset, total));
            }
        });
        return List.copyOf(balances);
    }

    private JsonNode get(ApiCredentials credentials, String path, Map<String, String> parameters) {
        Map<String, String> sorted = new TreeMap<>(parameters);
        sorted.put("AccessKeyId", credentials.key());
        sorted.put("SignatureMethod", "HmacSHA256");
        sorted.put("SignatureVersion", "2");
        sorted.put("Timestamp", TIMESTAMP.format(clock.instant()));
        String query = sorted.entrySet().stream().map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        String signature = Hmac.sha256Base64(credentials.secret(), "GET\n" + host + "\n" + path + "\n" + query);
        String signed = query + "&Signature=" + encode(signature);
        return http.send(SignedRequest.get(baseUrl, path, signed, Map.of(), Redaction.of(credentials, signature, encode(signature),
                signed)), HtxAccount::error);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Optional<ExchangeError> error(int status, JsonNode body) {
        JsonNode state = body.get("status");
        if (state != null && "error".equals(state.asString())) {
            String code = body.has("err-code") ? body.get("err-code").asString() : "";
            String detail = "err-code " + code + ": " + (body.has("err-msg") ? body.get("err-msg").asString() : "");
            if (code.contains("signature") || code.contains("access-key") || code.contains("api-key")
                    || code.equals("login-required")) {
                return Optional.of(ExchangeError.keyRejected(detail));
            }
            if (code.startsWith("too-many-request")) {
                return Optional.of(ExchangeError.rateLimited(detail));
            }
            return Optional.of(code.startsWith("base-system") || status >= 500 ? ExchangeError.unavailable(detail)
                    : ExchangeError.malformed(detail));
        }
        JsonNode code = body.get("code");
        if (code == null || !code.isNumber() || code.intValue() == 200) {
            return Optional.empty();
        }
        int value = code.intValue();
        String detail = "code " + value + ": " + (body.has("message") ? body.get("message").asString() : "");
        if (V2_KEY_REJECTED.contains(value)) {
            return Optional.of(ExchangeError.keyRejected(detail));
        }
        if (value == 429) {
            return Optional.of(ExchangeError.rateLimited(detail));
        }
        return Optional.of(V2_UNAVAILABLE.contains(value) ? ExchangeError.unavailable(detail) : ExchangeError.malformed(detail));
    }
}
