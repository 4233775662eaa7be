package io.signaldesk.news.commands;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.news.Headline;
import io.signaldesk.news.feeds.Coins;
import io.signaldesk.news.store.NewsStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@code /news [pair] [limit]}: the latest headlines (those mentioning the pair's base coin when one is given), each with
 * its source, age and link. A pair whose coin is not matched, or a limit outside 1–{@value #MAX}, gets a clear answer with
 * examples and nothing else.
 */
@Component
class NewsCommand implements ChatCommand {

    static final int DEFAULT_LIMIT = 5;
    static final int MAX = 20;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");
    private static final Pattern PAIR = Pattern.compile("([A-Za-z0-9]{1,20})(?:/([A-Za-z0-9]{1,20}))?");

    private final NewsStore store;
    private final Coins coins = new Coins();
    private final ChatTexts texts;
    private final Clock clock;

    NewsCommand(NewsStore store, ChatTexts texts, Clock clock) {
        this.store = store;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "news";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        String coin = null;
        String pair = null;
        int limit = DEFAULT_LIMIT;
        for (String word : request.arguments().strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (NUMBER.matcher(word).matches()) {
                Optional<Integer> parsed = limit(word);
                if (parsed.isEmpty()) {
                    return Reply.text(texts.get(locale, "news.limit.invalid", word, MAX));
                }
                limit = parsed.get();
                continue;
            }
            var m = PAIR.matcher(word);
            String base = m.matches() ? m.group(1).toUpperCase(Locale.ROOT) : null;
            if (base == null || coin != null || !coins.known(base)) {
                return Reply.text(texts.get(locale, "news.pair.unknown", word));
            }
            coin = base;
            pair = word.toUpperCase(Locale.ROOT);
        }
        List<Headline> headlines = store.latest(coin, limit);
        if (headlines.isEmpty()) {
            return Reply.text(coin == null ? texts.get(locale, "news.none") : texts.get(locale, "news.none.pair", pair));
        }
        Instant now = clock.instant();
        List<String> lines = new ArrayList<>();
        lines.add(coin == null ? texts.get(locale, "news.title", headlines.size())
                : texts.get(locale, "news.title.pair", headlines.size(), pair));
        for (Headline h : headlines) {
            String age = texts.age(locale, Duration.between(h.publishedAt(), now).isNegative() ? Duration.ZERO
                    : Duration.between(h.publishedAt(), now));
            lines.add(texts.get(locale, "news.item", h.title(), h.source(), age));
            if (h.link() != null) {
                lines.add(h.link());
            }
        }
        return Reply.text(String.join("\n", lines));
    }

    private static Optional<Integer> limit(String word) {
        try {
            int value = Integer.parseInt(word);
            return value >= 1 && value <= MAX ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
