package io.signaldesk.status;

import io.signaldesk.analysis.LlmSpend;
import io.signaldesk.analysis.LlmUsage;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.SeriesStatus;
import io.signaldesk.news.FeedHealth;
import io.signaldesk.news.NewsFeeds;
import io.signaldesk.notifications.DeliveryBacklog;
import io.signaldesk.ops.InstanceId;
import io.signaldesk.ops.JobRunHistory;
import io.signaldesk.subscriptions.SubscriptionsWithoutSender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The operator's {@code /status}: this instance (host and pid), market data freshness over every series
 * (with the first stale ones and their raw errors), the whole outbox backlog (and the subscriptions whose platform
 * has no sender in this deployment), the last run of every job,
 * and today's LLM spend. Each section is one method returning its lines; a new one is one more call in
 * {@link #text}.
 */
@Component
class OperatorStatus {

    private static final int STALE_SHOWN = 3;

    private final MarketData market;
    private final JobRunHistory jobs;
    private final LlmUsage llm;
    private final DeliveryBacklog outbox;
    private final InstanceId instance;
    private final ChatTexts texts;
    private final SubscriptionsWithoutSender withoutSender;
    private final NewsFeeds news;

    OperatorStatus(MarketData market, JobRunHistory jobs, LlmUsage llm, DeliveryBacklog outbox, InstanceId instance, ChatTexts texts,
                   SubscriptionsWithoutSender withoutSender, NewsFeeds news) {
        this.withoutSender = withoutSender;
        this.news = news;
        this.market = market;
        this.jobs = jobs;
        this.llm = llm;
        this.outbox = outbox;
        this.instance = instance;
        this.texts = texts;
    }

    String text(Locale locale, Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add(texts.get(locale, "status.title", instance.value()));
        lines.add(texts.get(locale, "status.database"));
        lines.addAll(marketData(locale, now));
        lines.add(outbox(locale, now));
        String unsent = withoutSender.summary();
        if (!unsent.isEmpty()) {
            lines.add(texts.get(locale, "status.no-sender", unsent));
        }
        lines.addAll(jobs(locale, now));
        lines.add(llmSpend(locale));
        lines.addAll(news(locale));
        return String.join("\n", lines);
    }

    private List<String> marketData(Locale locale, Instant now) {
        List<SeriesStatus> series = market.seriesStatus();
        List<SeriesStatus> stale = series.stream().filter(status -> !status.freshAt(now)).toList();
        List<String> lines = new ArrayList<>();
        lines.add(series.isEmpty() ? texts.get(locale, "status.market.none")
                : texts.get(locale, "status.market", series.size(), series.size() - stale.size(), stale.size()));
        stale.stream().limit(STALE_SHOWN).forEach(status -> lines.add(texts.get(locale, "status.stale", status.key(),
                status.lastError() == null ? texts.get(locale, "status.stale.no-error") : shorten(status.lastError()))));
        return lines;
    }

    private String outbox(Locale locale, Instant now) {
        DeliveryBacklog.Report backlog = outbox.at(now);
        return texts.get(locale, "status.outbox", backlog.waiting(), backlog.oldestWaiting().toMinutes(), backlog.failedToday());
    }

    private List<String> jobs(Locale locale, Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add(texts.get(locale, "status.jobs"));
        jobs.latestPerJob().forEach(run -> lines.add(texts.get(locale, "status.job", run.job(),
                run.outcome().toLowerCase(Locale.ROOT), ago(locale, run.startedAt(), now), run.items() == null ? "-" : run.items())));
        return lines;
    }

    private List<String> news(Locale locale) {
        List<FeedHealth> feeds = news.health();
        List<FeedHealth> failing = feeds.stream().filter(FeedHealth::failing).toList();
        List<String> lines = new ArrayList<>();
        lines.add(feeds.isEmpty() ? texts.get(locale, "status.news.none") : texts.get(locale, "status.news", feeds.size(), failing.size()));
        failing.stream().limit(STALE_SHOWN).forEach(feed -> lines.add(texts.get(locale, "status.news.failing", feed.feedUrl(),
                feed.consecutiveFailures(), shorten(String.valueOf(feed.lastError())))));
        return lines;
    }

    private String llmSpend(Locale locale) {
        LlmUsage.Report spend = llm.today();
        return spend.provider().equals("none") ? texts.get(locale, "status.llm.off")
                : texts.get(locale, "status.llm.on", spend.provider(), spend.model(),
                spend.spend().stream().mapToInt(LlmSpend::calls).sum(), spend.spend().stream().mapToInt(LlmSpend::failedCalls).sum(),
                spend.dailyTokenBudget() - spend.tokensLeft(), spend.dailyTokenBudget(), spend.tokensLeft());
    }

    private String ago(Locale locale, Instant then, Instant now) {
        long minutes = Math.max(0, Duration.between(then, now).toMinutes());
        return minutes < 120 ? texts.get(locale, "status.ago.minutes", minutes) : texts.get(locale, "status.ago.hours", minutes / 60);
    }

    private static String shorten(String error) {
        return error.length() <= 120 ? error : error.substring(0, 120) + "…";
    }
}
