package io.signaldesk.market;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The exchanges SignalDesk reads market data from; {@link #SIM} is the simulated one. */
public enum ExchangeId {
    BINANCE("binance", "Binance"),
    BYBIT("bybit", "Bybit"),
    OKX("okx", "OKX"),
    BITGET("bitget", "Bitget"),
    HTX("htx", "HTX (Huobi)"),
    KRAKEN("kraken", "Kraken"),
    SIM("sim", "Simulated exchange");

    private final String id;
    private final String displayName;

    ExchangeId(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** The lower-case id users type and configuration uses, e.g. {@code binance}. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The display name of an exchange id as stored (e.g. {@code binance} → Binance), or the id itself when it names none. */
    public static String displayNameOf(String id) {
        return parse(id).map(ExchangeId::displayName).orElse(id);
    }

    /** Parses an id case-insensitively; {@code huobi} is understood as {@code htx}. */
    public static Optional<ExchangeId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        String canonical = wanted.equals("huobi") ? "htx" : wanted;
        return Arrays.stream(values()).filter(exchange -> exchange.id.equals(canonical)).findFirst();
    }
}
