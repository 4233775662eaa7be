package io.signaldesk.status;

import io.signaldesk.analysis.LlmSpend;
import io.signaldesk.analysis.LlmUsage;
import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.SeriesStatus;
import io.signaldesk.notifications.DeliveryBacklog;
import io.signaldesk.ops.InstanceId;
import io.signaldesk.ops.JobRunHistory;
import io.signaldesk.subscriptions.SubscriptionsWithoutSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code /status}: this instance, market data freshness (with the first stale series and why), the
 * outbox backlog, the last run of every job, and today's LLM spend against the budget.
 */
@Component
class StatusCommand implements ChatCommand {

    private static final int STALE_SHOWN = 3;

    private final MarketData market;
    private final JobRunHistory jobs;
    private final LlmUsage llm;
    private final DeliveryBacklog outbox;
    private final InstanceId instance;
    private final ChatTexts texts;
    private final Clock clock;
    private final SubscriptionsWithoutSender withoutSender;

    StatusCommand(MarketData market, JobRunHistory jobs, LlmUsage llm, DeliveryBacklog outbox, InstanceId instance, ChatTexts texts,
                  Clock clock, SubscriptionsWithoutSender withoutSender) {
        this.withoutSender = withoutSender;
        this.market = market;
        this.jobs = jobs;
        this.llm = llm;
        this.outbox = outbox;
        this.instance = instance;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        Instant now = clock.instant();
        var text = new StringBuilder(texts.get(locale, "status.title", instance.value()));
        text.append('\n').append(texts.get(locale, "status.database"));
        List<SeriesStatus> series = market.seriesStatus();
        List<SeriesStatus> stale = series.stream().filter(status -> !status.freshAt(now)).toList();
        text.append('\n').append(series.isEmpty() ? texts.get(locale, "status.market.none")
                : texts.get(locale, "status.market", series.size(), series.size() - stale.size(), stale.size()));
        stale.stream().limit(STALE_SHOWN).forEach(status -> text.append('\n').append(texts.get(locale, "status.stale", status.key(),
                status.lastError() == null ? texts.get(locale, "status.stale.no-error") : shorten(status.lastError()))));
        DeliveryBacklog.Report backlog = outbox.at(now);
        text.append('\n').append(texts.get(locale, "status.outbox", backlog.waiting(), backlog.oldestWaiting().toMinutes(),
                backlog.failedToday()));
        String unsent = withoutSender.summary();
        if (!unsent.isEmpty()) {
            text.append('\n').append(texts.get(locale, "status.no-sender", unsent));
        }
        text.append('\n').append(texts.get(locale, "status.jobs"));
        jobs.latestPerJob().forEach(run -> text.append('\n').append(texts.get(locale, "status.job", run.job(),
                run.outcome().toLowerCase(Locale.ROOT), ago(locale, run.startedAt(), now), run.items() == null ? "-" : run.items())));
        LlmUsage.Report spend = llm.today();
        text.append('\n').append(spend.provider().equals("none") ? texts.get(locale, "status.llm.off")
                : texts.get(locale, "status.llm.on", spend.provider(), spend.model(),
                spend.spend().stream().mapToInt(LlmSpend::calls).sum(), spend.spend().stream().mapToInt(LlmSpend::failedCalls).sum(),
                spend.dailyTokenBudget() - spend.tokensLeft(), spend.dailyTokenBudget(), spend.tokensLeft()));
        return List.of(new Reply.Text(text.toString()));
    }

    private String ago(Locale locale, Instant then, Instant now) {
        long minutes = Math.max(0, Duration.between(then, now).toMinutes());
        return minutes < 120 ? texts.get(locale, "status.ago.minutes", minutes) : texts.get(locale, "status.ago.hours", minutes / 60);
    }

    private static String shorten(String error) {
        return error.length() <= 120 ? error : error.substring(0, 120) + "…";
    }
}
