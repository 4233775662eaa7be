package io.signaldesk.market;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A trading pair in our one notation, {@code BASE/QUOTE}, e.g. {@code BTC/USDT}. */
public record Symbol(String base, String quote) {

    private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{1,20}");

    public Symbol {
        if (base == null || quote == null || !ASSET.matcher(base).matches() || !ASSET.matcher(quote).matches()) {
            throw new IllegalArgumentException("a pair is BASE/QUOTE in capitals, e.g. BTC/USDT; got " + base + "/" + quote);
        }
    }

    /** A symbol from an exchange's listing, upper-cased; empty when the names are not plain asset codes. */
    public static Optional<Symbol> fromListing(String base, String quote) {
        if (base == null || quote == null) {
            return Optional.empty();
        }
        String b = base.strip().toUpperCase(Locale.ROOT);
        String q = quote.strip().toUpperCase(Locale.ROOT);
        return ASSET.matcher(b).matches() && ASSET.matcher(q).matches() ? Optional.of(new Symbol(b, q)) : Optional.empty();
    }

    /** Parses our own notation {@code BASE/QUOTE} (as stored); for user input see {@link MarketInputs}. */
    public static Symbol parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("a pair is BASE/QUOTE, e.g. BTC/USDT; got " + text);
        }
        return new Symbol(text.substring(0, slash), text.substring(slash + 1));
    }

    /** Base and quote run together, e.g. {@code BTCUSDT}: how most exchanges name it. */
    public String joined() {
        return base + quote;
    }

    @Override
    public String toString() {
        return base + "/" + quote;
    }
}
