package io.signaldesk.market.symbols;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.InputCheck;
import io.signaldesk.market.Symbol;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Understands a pair as users type it ({@code BTC/USDT}, {@code btcusdt}, {@code BTC-USDT},
 * {@code BTC_USDT}, {@code BTC-USDT-SWAP}) against an exchange's listing, and names close matches
 * when it is not listed.
 */
public final class PairResolver {

    private static final Pattern SEPARATED = Pattern.compile("([A-Z0-9]{1,20})[/\\-_:]([A-Z0-9]{1,20})");
    private static final Pattern JOINED = Pattern.compile("[A-Z0-9]{2,40}");
    private static final List<String> QUOTES = List.of("USDT", "USDC", "USD", "BTC", "ETH", "EUR");
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(2);
    private static final String EXAMPLE = "Pairs look like BTC/USDT.";

    private PairResolver() {
    }

    public static InputCheck<Symbol> resolve(ExchangeId exchange, String input, Set<Symbol> listed) {
        String text = input == null ? "" : input.strip().toUpperCase(Locale.ROOT)
                .replaceAll("\\s+", "").replaceFirst("(-SWAP|\\.P|-PERP|:USDT)$", "");
        if (text.isEmpty()) {
            return new InputCheck.Rejected<>("No pair given. " + EXAMPLE, examples(listed));
        }
        Optional<Symbol> candidate = parse(text, listed);
        if (candidate.isPresent() && listed.contains(candidate.get())) {
            return new InputCheck.Accepted<>(candidate.get());
        }
        return new InputCheck.Rejected<>("'%s' is not a pair traded on %s. %s".formatted(input.strip(),
                exchange.displayName(), EXAMPLE), closeMatches(text.replaceAll("[/\\-_:]", ""), listed));
    }

    private static Optional<Symbol> parse(String text, Set<Symbol> listed) {
        Matcher separated = SEPARATED.matcher(text);
        if (separated.matches()) {
            return Optional.of(new Symbol(separated.group(1), separated.group(2)));
        }
        if (!JOINED.matcher(text).matches()) {
            return Optional.empty();
        }
        Optional<Symbol> listedMatch = listed.stream().filter(symbol -> symbol.joined().equals(text)).findFirst();
        if (listedMatch.isPresent()) {
            return listedMatch;
        }
        return QUOTES.stream()
                .filter(quote -> text.endsWith(quote) && text.length() > quote.length())
                .findFirst()
                .map(quote -> new Symbol(text.substring(0, text.length() - quote.length()), quote));
    }

    private static List<String> closeMatches(String joined, Set<Symbol> listed) {
        record Match(Symbol symbol, int distance) {
        }
        return listed.stream()
                .map(symbol -> new Match(symbol, distance(joined, symbol)))
                .filter(match -> match.distance() >= 0)
                .sorted(Comparator.comparingInt(Match::distance).thenComparing(match -> match.symbol().toString()))
                .limit(3)
                .map(match -> match.symbol().toString())
                .toList();
    }

    /** Edit distance on the joined form (at most 2, else -1); the same base with another quote counts as 1. */
    private static int distance(String joined, Symbol symbol) {
        boolean sameBase = joined.startsWith(symbol.base()) && QUOTES.contains(joined.substring(symbol.base().length()));
        return sameBase ? 1 : DISTANCE.apply(joined, symbol.joined());
    }

    private static List<String> examples(Set<Symbol> listed) {
        return listed.stream().map(Symbol::toString).sorted().limit(3).toList();
    }
}
