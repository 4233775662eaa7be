package io.signaldesk.news;

import io.signaldesk.analysis.HeadlineSource;
import io.signaldesk.news.store.NewsStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** The stored headlines as the LLM analyst reads them: only those published before its decision time. */
@Component
class NewsHeadlines implements HeadlineSource {

    private final NewsStore store;

    NewsHeadlines(NewsStore store) {
        this.store = store;
    }

    @Override
    public List<PromptHeadline> mentioning(String coin, Instant before, Duration within, int limit) {
        return store.mentioning(coin, before.minus(within), before, limit).stream()
                .map(h -> new PromptHeadline(h.publishedAt(), h.source(), h.title())).toList();
    }
}
