package io.signaldesk.news;

import java.time.Instant;
import java.util.List;

/**
 * One stored headline: the feed's name ({@code source}), its title as plain text, its link (may be null), when it was
 * published (or fetched, when the feed does not say) and the coins it mentions (base symbols, e.g. BTC).
 */
public record Headline(String source, String title, String link, Instant publishedAt, List<String> coins) {

    public Headline {
        coins = List.copyOf(coins);
    }
}
