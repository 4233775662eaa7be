package io.signaldesk.accounts.exchange.kraken;

import io.signaldesk.accounts.exchange.AccountExchange;
import io.signaldesk.accounts.exchange.AccountFailure;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Kraken's signed spot API: {@code POST /0/private/<method>} with a form body holding an increasing {@code nonce};
 * headers {@code API-Key} and {@code API-Sign}, the Base64 HMAC-SHA512, keyed with the Base64-decoded secret, of the
 * path followed by the SHA-256 of {@code nonce + body}. Answers are {@code {"error":[…],"result":…}}.
 *
 * <ul>
 *   <li>verify: {@code POST /0/private/Balance} (one read call; it needs the key's "Query Funds" permission). Kraken's
 *       API has no call that reports a key's permissions, so trading and withdrawal are UNKNOWN and the user is told
 *       to check in Kraken that "Withdraw funds" is off.</li>
 *   <li>balances: the same call; Kraken's legacy asset names are translated (XXBT → BTC, ZUSD → USD, XXDG → DOGE)
 *       and earn or staking variants ({@code XBT.F}, {@code ETH2.S}) are added to their asset. No futures wallet here
 *       (Kraken's futures are a separate exchange, and Kraken lists no USDT-margined perpetuals).</li>
 *   <li>errors: {@code EAPI:Invalid key}, {@code EAPI:Invalid signature}, {@code EAPI:Bad request},
 *       {@code EGeneral:Permission denied}: a rejected key; {@code EAPI:Rate limit exceeded}: too many requests;
 *       {@code EService:*} and {@code EAPI:Invalid nonce} (another client used this key with a larger nonce):
 *       unavailable.</li>
 * </ul>
 */
public final class KrakenAccount implements AccountExchange {

    static final String MAINNET = "https://api.kraken.com";
    static final String SOURCE = "Kraken does not report a key's permissions: check in Kraken that 'Withdraw funds' is off "
            + "(and 'Create & modify orders' too, for a read-only key)";
    private static final Set<String> KEY_REJECTED = Set.of("EAPI:Invalid key", "EAPI:Invalid signature", "EAPI:Bad request",
            "EGeneral:Permission denied");
    private static final Map<String, String> LEGACY = Map.ofEntries(Map.entry("XXBT", "BTC"), Map.entry("XBT", "BTC"),
            Map.entry("XXDG", "DOGE"), Map.entry("XDG", "DOGE"), Map.entry("XETH", "ETH"), Map.entry("XETC", "ETC"),
            Map.entry("XLTC", "LTC"), Map.entry("XXRP", "XRP"), Map.entry("XXLM", "XLM"), Map.entry("XXMR", "XMR"),
            Map.entry("XZEC", "ZEC"), Map.entry("XMLN", "MLN"), Map.entry("XREP", "REP"), Map.entry("ZUSD", "USD"),
            Map.entry("ZEUR", "EUR"), Map.entry("ZGBP", "GBP"), Map.entry("ZCAD", "CAD"), Map.entry("ZJPY", "JPY"),
            Map.entry("ZAUD", "AUD"), Map.entry("ETH2", "ETH"));
    private static final String BALANCE = "/0/private/Balance";

    private final String baseUrl;
    private final SignedHttp http;
    private final AccountJson json = new AccountJson(ExchangeId.KRAKEN);
    private final Clock clock;
    private final AtomicLong lastNonce = new AtomicLong();

    public KrakenAccount(AccountSettings settings, Clock clock) {
        this.baseUrl = settings.baseUrlOr(MAINNET);
        this.http = new SignedHttp(ExchangeId.KRAKEN, settings.timeout());
        this.clock = clock;
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.KRAKEN;
    }

    @Override
    public boolean needsPassphrase() {
        return false;
    }

    @Override
    public KeyPermissions verify(ApiCredentials credentials) {
        json.field(post(credentials, BALANCE), "result");
        return new KeyPermissions(Access.UNKNOWN, Access.UNKNOWN, SOURCE);
    }

    @Override
    public List<WalletBalance> balances(ApiCredentials credentials) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        JsonNode result = json.field(post(credentials, BALANCE), "result");
        for (String name : result.propertyNames()) {
            totals.merge(asset(name), json.decimal(result, name), BigDecimal::add);
        }
        List<WalletBalance> balances = new ArrayList<>();
        totals.forEach((asset, total) -> {
            if (total.signum() != 0) {
                balances.add(new WalletBalance(Wallet.SPOT, asset, total));
            }
        });
        return List.copyOf(balances);
    }

    /** Kraken's asset name in ours: legacy prefixes dropped, earn and staking suffixes folded into their asset. */
    static String asset(String kraken) {
        int dot = kraken.indexOf('.');
        String base = dot < 0 ? kraken : kraken.substring(0, dot);
        return LEGACY.getOrDefault(base, base);
    }

    private JsonNode post(ApiCredentials credentials, String path) {
        String nonce = Long.toString(lastNonce.updateAndGet(last -> Math.max(last + 1, clock.millis())));
        String body = "nonce=" + nonce;
        String signature;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((nonce + body).getBytes(StandardCharsets.UTF_8));
            byte[] message = concat(path.getBytes(StandardCharsets.UTF_8), digest);
            signature = Base64.getEncoder().encodeToString(Hmac.sha512(Base64.getDecoder().decode(credentials.secret()), message));
        } catch (IllegalArgumentException notBase64) {
            throw new AccountFailure.KeyRejected("Kraken's private key is Base64 text: the one given is not");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing");
        }
        Map<String, String> headers = Map.of("API-Key", credentials.key(), "API-Sign", signature,
                "Content-Type", "application/x-www-form-urlencoded");
        return http.send(SignedRequest.post(baseUrl, path, "", body, headers, Redaction.of(credentials, signature)),
                KrakenAccount::error);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    static Optional<ExchangeError> error(int status, JsonNode body) {
        JsonNode errors = body.get("error");
        if (errors == null || !errors.isArray() || errors.isEmpty()) {
            return Optional.empty();
        }
        String first = errors.get(0).asString();
        String detail = "error " + first;
        if (KEY_REJECTED.stream().anyMatch(first::startsWith)) {
            return Optional.of(ExchangeError.keyRejected(detail));
        }
        if (first.startsWith("EAPI:Rate limit") || first.startsWith("EGeneral:Too many requests")) {
            return Optional.of(ExchangeError.rateLimited(detail));
        }
        if (first.startsWith("EService:") || first.startsWith("EAPI:Invalid nonce") || status >= 500) {
            return Optional.of(ExchangeError.unavailable(detail));
        }
        return Optional.of(ExchangeError.malformed(detail));
    }
}
