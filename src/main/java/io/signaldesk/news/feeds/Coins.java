package io.signaldesk.news.feeds;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The coins a title mentions, by symbol (as a whole word in capitals, e.g. "BTC") or by name (any case, e.g. "bitcoin"),
 * from a small list of the coins the signal pairs trade.
 */
public final class Coins {

    private static final Map<String, List<String>> NAMES = Map.ofEntries(
            Map.entry("BTC", List.of("bitcoin")), Map.entry("ETH", List.of("ethereum", "ether")),
            Map.entry("SOL", List.of("solana")), Map.entry("BNB", List.of("binance coin", "bnb chain")),
            Map.entry("XRP", List.of("ripple")), Map.entry("ADA", List.of("cardano")),
            Map.entry("DOGE", List.of("dogecoin")), Map.entry("AVAX", List.of("avalanche")),
            Map.entry("DOT", List.of("polkadot")), Map.entry("LINK", List.of("chainlink")),
            Map.entry("LTC", List.of("litecoin")), Map.entry("TRX", List.of("tron")),
            Map.entry("TON", List.of("toncoin")), Map.entry("SUI", List.of()), Map.entry("ARB", List.of("arbitrum")),
            Map.entry("OP", List.of("optimism")), Map.entry("NEAR", List.of("near protocol")),
            Map.entry("ATOM", List.of("cosmos")), Map.entry("APT", List.of("aptos")));

    private final Map<String, Pattern> patterns;

    public Coins() {
        this.patterns = NAMES.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> pattern(e.getKey(), e.getValue())));
    }

    /** Whether headlines are matched for this base symbol (e.g. BTC). */
    public boolean known(String symbol) {
        return NAMES.containsKey(symbol);
    }

    /** The base symbols this title mentions, sorted. */
    public List<String> in(String title) {
        var found = new LinkedHashSet<String>();
        patterns.forEach((symbol, pattern) -> {
            if (pattern.matcher(title).find()) {
                found.add(symbol);
            }
        });
        return found.stream().sorted().toList();
    }

    private static Pattern pattern(String symbol, List<String> names) {
        var alternatives = new StringBuilder("(?<![A-Za-z0-9])(?:\\$?" + symbol);
        names.forEach(name -> alternatives.append("|(?i:").append(Pattern.quote(name.toLowerCase(Locale.ROOT))).append(")"));
        return Pattern.compile(alternatives.append(")(?![A-Za-z0-9])").toString());
    }
}
