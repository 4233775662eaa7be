package io.signaldesk.status;

import io.signaldesk.chat.ChatTexts;
import io.signaldesk.ops.JobRunHistory;
import io.signaldesk.ops.ScheduledJobCatalog;
import io.signaldesk.ops.ScheduledJobCatalog.ScheduledJob;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/** The text of {@code /jobs}: per job, its last run (outcome, start, duration, items, summary, error) and its next run. */
@Component
class JobsView {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private final ScheduledJobCatalog catalog;
    private final JobRunHistory history;
    private final ChatTexts texts;

    JobsView(ScheduledJobCatalog catalog, JobRunHistory history, ChatTexts texts) {
        this.catalog = catalog;
        this.history = history;
        this.texts = texts;
    }

    String text(Locale locale, Instant now) {
        Map<String, JobRunHistory.LastRun> last = history.latestPerJob().stream()
                .collect(Collectors.toMap(JobRunHistory.LastRun::job, Function.identity()));
        List<String> lines = new ArrayList<>();
        lines.add(texts.get(locale, "jobs.title", catalog.all().size()));
        for (ScheduledJob job : catalog.all()) {
            lines.add(texts.get(locale, "jobs.job", job.name(), next(locale, job, now)));
            JobRunHistory.LastRun run = last.get(job.name());
            lines.add(run == null ? texts.get(locale, "jobs.never") : lastRun(locale, run));
            if (run != null && run.summary() != null) {
                lines.add(texts.get(locale, "jobs.summary", shorten(run.summary())));
            }
            if (run != null && run.error() != null) {
                lines.add(texts.get(locale, "jobs.error", shorten(run.error())));
            }
        }
        return String.join("\n", lines);
    }

    private String lastRun(Locale locale, JobRunHistory.LastRun run) {
        String took = run.finishedAt() == null ? texts.get(locale, "jobs.running")
                : Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1000.0 + " s";
        return texts.get(locale, "jobs.last", run.outcome().toLowerCase(Locale.ROOT), AT.format(run.startedAt().atZone(ZoneOffset.UTC)),
                took, run.items() == null ? "-" : run.items(), run.instance());
    }

    private String next(Locale locale, ScheduledJob job, Instant now) {
        Instant next = job.off() ? null : nextRun(job.cron(), job.zone(), now);
        return next == null ? texts.get(locale, "jobs.off")
                : texts.get(locale, "jobs.next", AT.format(next.atZone(ZoneOffset.UTC)), job.cron(), job.zone());
    }

    /** The first time after {@code now} the cron fires in its zone; null if never. */
    static Instant nextRun(String cron, ZoneId zone, Instant now) {
        ZonedDateTime next = CronExpression.parse(cron).next(now.atZone(zone));
        return next == null ? null : next.toInstant();
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
