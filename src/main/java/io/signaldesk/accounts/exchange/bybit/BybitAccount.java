package io.signaldesk.accounts.exchange.bybit;

import io.signaldesk.accounts.exchange.AccountExchange;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Bybit's v5 signed API: headers {@code X-BAPI-API-KEY}, {@code X-BAPI-TIMESTAMP}, {@code X-BAPI-RECV-WINDOW} and
 * {@code X-BAPI-SIGN}, the HMAC-SHA256 hex of {@code timestamp + key + recvWindow + query}. Answers are HTTP 200 with
 * {@code retCode}/{@code retMsg} (0: fine); Bybit's 10004 message quotes the signed string, key included, which is why
 * every error text is scrubbed.
 *
 * <ul>
 *   <li>verify: {@code GET /v5/user/query-api}: withdrawal when {@code permissions.Wallet} holds {@code Withdraw};
 *       trading when the key is not {@code readOnly} and holds any trading permission (ContractTrade, Spot, Options,
 *       Derivatives, CopyTrading, BlockTrade).</li>
 *   <li>balances: {@code GET /v5/account/wallet-balance?accountType=UNIFIED} (each coin's {@code equity}: wallet balance
 *       plus unrealised P&amp;L). A classic account, which has no unified wallet, is refused with 10001 (a parameter
 *       error); it is then read as {@code CONTRACT} (the derivatives wallet) and {@code SPOT}.</li>
 *   <li>positions: {@code GET /v5/position/list?category=linear&settleCoin=USDT&limit=200} (with a settle coin and
 *       no symbol, Bybit lists only positions whose size is above zero): {@code side} Buy / Sell, {@code size} in the
 *       base coin, {@code avgPrice}, {@code markPrice}, {@code leverage}, {@code unrealisedPnl}, {@code updatedTime}.
 *       One page of 200 (the cursor of a further page is not followed). No exit price here: Bybit reports it
 *       afterwards in {@code /v5/position/closed-pnl} ({@code avgExitPrice}), not read yet.</li>
 *   <li>errors: 10003 invalid key, 10004 bad signature, 10005 permission denied, 10007 authentication failed, 10010 IP
 *       not allowed, 33004 key expired: a rejected key; 10006 and 10018 too many requests; 10002 (our clock out of the
 *       receive window) and 10016 unavailable.</li>
 * </ul>
 */
public final class BybitAccount implements AccountExchange {

    static final String MAINNET = "https://api.bybit.com";
    static final String TESTNET = "https://api-testnet.bybit.com";
    private static final String RECEIVE_WINDOW = "5000";
    private static final Set<Integer> KEY_REJECTED = Set.of(10003, 10004, 10005, 10007, 10010, 33004);
    private static final Set<Integer> RATE_LIMITED = Set.of(10006, 10018);
    private static final Set<Integer> UNAVAILABLE = Set.of(10002, 10016);
    private static final int PARAMETER_ERROR = 10001;
    private static final List<String> TRADING = List.of("ContractTrade", "Spot", "Options", "Derivatives", "CopyTrading",
            "BlockTrade");

    private final String baseUrl;
    private final SignedHttp http;
    private final AccountJson json = new AccountJson(ExchangeId.BYBIT);
    private final Clock clock;

    public BybitAccount(AccountSettings settings, Clock clock) {
        this.baseUrl = settings.baseUrlOr(settings.testnet() ? TESTNET : MAINNET);
        this.http = new SignedHttp(ExchangeId.BYBIT, settings.timeout());
        this.clock = clock;
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.BYBIT;
    }

    @Override
    public boolean needsPassphrase() {
        return false;
    }

    @Override
    public KeyPermissions verify(ApiCredentials credentials) {
        JsonNode info = result(get(credentials, "/v5/user/query-api", ""));
        JsonNode key = json.field(info, "permissions");
        JsonNode wallet = key.get("Wallet");
        // a missing or reshaped Wallet list says nothing about withdrawals: unknown, never "off"
        Access withdraw = wallet == null || !wallet.isArray() ? Access.UNKNOWN : contains(wallet, "Withdraw") ? Access.YES : Access.NO;
        boolean readOnly = json.field(info, "readOnly").asInt() == 1;
        boolean trade = !readOnly && TRADING.stream().anyMatch(name -> nonEmpty(key.get(name)));
        return new KeyPermissions(trade ? Access.YES : Access.NO, withdraw,
                "Bybit GET /v5/user/query-api: " + (readOnly ? "read-only" : "read-write") + ", withdrawals "
                        + switch (withdraw) { case YES -> "on"; case NO -> "off"; case UNKNOWN -> "not listed"; } + ", trading " + (trade ? "on" : "off"));
    }

    @Override
    public List<WalletBalance> balances(ApiCredentials credentials) {
        JsonNode unified;
        try {
            unified = get(credentials, "/v5/account/wallet-balance", "accountType=UNIFIED");
        } catch (ClassicAccount classic) {
            List<WalletBalance> balances = new ArrayList<>(wallet(get(credentials, "/v5/account/wallet-balance",
                    "accountType=CONTRACT"), Wallet.FUTURES));
            balances.addAll(wallet(get(credentials, "/v5/account/wallet-balance", "accountType=SPOT"), Wallet.SPOT));
            return List.copyOf(balances);
        }
        return wallet(unified, Wallet.UNIFIED);
    }

    @Override
    public boolean offersPositions() {
        return true;
    }

    @Override
    public List<ExchangePosition> positions(ApiCredentials credentials) {
        List<ExchangePosition> positions = new ArrayList<>();
        for (JsonNode row : json.array(result(get(credentials, "/v5/position/list", "category=linear&settleCoin=USDT&limit=200")), "list")) {
            BigDecimal size = json.decimal(row, "size");
            String symbol = json.text(row, "symbol");
            String side = json.text(row, "side");
            Optional<Symbol> pair = ExchangePosition.usdtPair(symbol);
            if (size.signum() <= 0 || pair.isEmpty() || !(side.equals("Buy") || side.equals("Sell"))) {
                continue;
            }
            positions.add(new ExchangePosition(pair.get(), side.equals("Buy") ? ExchangePosition.Side.LONG : ExchangePosition.Side.SHORT,
                    size, json.decimal(row, "avgPrice"), json.optionalDecimal(row, "markPrice"), json.optionalDecimal(row, "leverage"),
                    json.optionalDecimal(row, "unrealisedPnl"), json.optionalMillis(row, "updatedTime")));
        }
        return List.copyOf(positions);
    }


    private List<WalletBalance> wallet(JsonNode answer, Wallet wallet) {
        List<WalletBalance> balances = new ArrayList<>();
        for (JsonNode account : json.array(result(answer), "list")) {
            for (JsonNode coin : json.array(account, "coin")) {
                JsonNode equity = coin.get("equity");
                BigDecimal total = equity != null && !equity.asString().isBlank() ? json.decimal(coin, "equity")
                        : json.decimal(coin, "walletBalance");
                if (total.signum() != 0) {
                    balances.add(new WalletBalance(wallet, json.text(coin, "coin"), total));
                }
            }
        }
        return balances;
    }

    private JsonNode result(JsonNode answer) {
        return json.field(answer, "result");
    }

    private JsonNode get(ApiCredentials credentials, String path, String query) {
        String timestamp = Long.toString(clock.millis());
        String signature = Hmac.sha256Hex(credentials.secret(), timestamp + credentials.key() + RECEIVE_WINDOW + query);
        Map<String, String> headers = Map.of("X-BAPI-API-KEY", credentials.key(), "X-BAPI-TIMESTAMP", timestamp,
                "X-BAPI-RECV-WINDOW", RECEIVE_WINDOW, "X-BAPI-SIGN", signature);
        return http.send(SignedRequest.get(baseUrl, path, query, headers, Redaction.of(credentials, signature)),
                (status, body) -> error(body, query));
    }

    private static Optional<ExchangeError> error(JsonNode body, String query) {
        JsonNode code = body.get("retCode");
        if (code == null || !code.isNumber() || code.intValue() == 0) {
            return Optional.empty();
        }
        int value = code.intValue();
        JsonNode msg = body.get("retMsg");
        String detail = "retCode " + value + ": " + (msg == null ? "" : msg.asString());
        if (value == PARAMETER_ERROR && query.equals("accountType=UNIFIED")) {
            throw new ClassicAccount();
        }
        if (KEY_REJECTED.contains(value)) {
            return Optional.of(ExchangeError.keyRejected(detail));
        }
        if (RATE_LIMITED.contains(value)) {
            return Optional.of(ExchangeError.rateLimited(detail));
        }
        if (UNAVAILABLE.contains(value)) {
            return Optional.of(ExchangeError.unavailable(detail));
        }
        return Optional.of(ExchangeError.malformed(detail));
    }

    private static boolean contains(JsonNode list, String wanted) {
        if (list == null || !list.isArray()) {
            return false;
        }
        for (JsonNode item : list) {
            if (wanted.equals(item.asString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean nonEmpty(JsonNode list) {
        return list != null && list.isArray() && !list.isEmpty();
    }

    /** A classic (non-unified) account asked for its unified wallet: read its classic wallets instead. */
    private static final class ClassicAccount extends RuntimeException {
        ClassicAccount() {
            super("classic account", null, false, false);
        }
    }
}
