package io.signaldesk.status.dashboard;

import io.signaldesk.chat.ChatTexts;
import io.signaldesk.ops.JobRunHistory;
import io.signaldesk.ops.JobRunStatistics;
import io.signaldesk.ops.ScheduledJobCatalog;
import io.signaldesk.ops.ScheduledJobCatalog.ScheduledJob;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Every scheduled job of the catalog: its last run (a failed one in red) and next run, and over 24 h and 7 days its
 * runs, failure rate and duration percentiles; then the last errors of the week (cut, escaped).
 */
@Component
class JobsPanel implements Panel {

    static final Duration DAY = Duration.ofHours(24);
    static final Duration WEEK = Duration.ofDays(7);
    private static final int ERRORS_PER_JOB = 3;
    private static final int ERROR_CHARACTERS = 300;

    private final ScheduledJobCatalog catalog;
    private final JobRunHistory history;
    private final JobRunStatistics statistics;
    private final ChatTexts texts;

    JobsPanel(ScheduledJobCatalog catalog, JobRunHistory history, JobRunStatistics statistics, ChatTexts texts) {
        this.catalog = catalog;
        this.history = history;
        this.statistics = statistics;
        this.texts = texts;
    }

    @Override
    public String html(Locale locale, Instant now) {
        Map<String, JobRunHistory.LastRun> last = history.latestPerJob().stream()
                .collect(Collectors.toMap(JobRunHistory.LastRun::job, Function.identity()));
        Map<String, JobRunStatistics.Window> day = statistics.over(DAY);
        Map<String, JobRunStatistics.Window> week = statistics.over(WEEK);
        StringBuilder html = new StringBuilder("<table class=\"jobs\"><thead><tr>");
        for (String key : List.of("ops.jobs.job", "ops.jobs.last", "ops.jobs.next", "ops.jobs.day", "ops.jobs.week")) {
            html.append("<th>").append(Panel.esc(texts.get(locale, key))).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (ScheduledJob job : catalog.all()) {
            JobRunHistory.LastRun run = last.get(job.name());
            boolean failed = run != null && "FAILED".equals(run.outcome());
            html.append("<tr class=\"job").append(failed ? " failed" : "").append("\" data-job=\"").append(Panel.esc(job.name())).append("\">")
                    .append(Panel.cell(texts.get(locale, "ops.jobs.job"), "<code>" + Panel.esc(job.name()) + "</code>"))
                    .append(Panel.cell(texts.get(locale, "ops.jobs.last"), lastRun(locale, run)))
                    .append(Panel.cell(texts.get(locale, "ops.jobs.next"), next(locale, job, now)))
                    .append(Panel.cell(texts.get(locale, "ops.jobs.day"), window(locale, day.get(job.name()))))
                    .append(Panel.cell(texts.get(locale, "ops.jobs.week"), window(locale, week.get(job.name()))))
                    .append("</tr>");
        }
        html.append("</tbody></table>");
        html.append(errors(locale));
        return Panel.section("jobs", texts.get(locale, "ops.jobs.title", catalog.all().size()), html.toString());
    }

    private String lastRun(Locale locale, JobRunHistory.LastRun run) {
        if (run == null) {
            return Panel.esc(texts.get(locale, "ops.jobs.never"));
        }
        String outcome = "<span class=\"outcome " + run.outcome().toLowerCase(Locale.ROOT) + "\">"
                + Panel.esc(texts.get(locale, "ops.outcome." + run.outcome().toLowerCase(Locale.ROOT))) + "</span>";
        String took = run.finishedAt() == null ? "" : " · " + Panel.duration(Duration.between(run.startedAt(), run.finishedAt()));
        String items = run.items() == null ? "" : " · " + Panel.esc(texts.get(locale, "ops.jobs.items", String.valueOf(run.items())));
        return outcome + " " + Panel.at(run.startedAt()) + took + items + "<br><small>" + Panel.esc(run.instance()) + "</small>";
    }

    private String next(Locale locale, ScheduledJob job, Instant now) {
        if (job.off()) {
            return Panel.esc(texts.get(locale, "ops.jobs.off"));
        }
        ZonedDateTime next = CronExpression.parse(job.cron()).next(now.atZone(job.zone()));
        return (next == null ? "–" : Panel.at(next.toInstant())) + "<br><small><code>" + Panel.esc(job.cron()) + "</code> "
                + Panel.esc(job.zone()) + "</small>";
    }

    private String window(Locale locale, JobRunStatistics.Window window) {
        if (window == null) {
            return Panel.esc(texts.get(locale, "ops.jobs.no-runs"));
        }
        String rate = String.format(Locale.ROOT, "%.0f", 100 * (1 - window.failureRate()));
        return Panel.esc(texts.get(locale, "ops.jobs.window", window.runs(), String.valueOf(window.failed()), rate))
                + "<br><small>p50 " + Panel.duration(window.p50()) + " · p95 " + Panel.duration(window.p95()) + " · max "
                + Panel.duration(window.max()) + "</small>";
    }

    private String errors(Locale locale) {
        List<JobRunStatistics.RecentError> errors = statistics.lastErrors(WEEK, ERRORS_PER_JOB);
        if (errors.isEmpty()) {
            return "<p class=\"ok\">" + Panel.esc(texts.get(locale, "ops.jobs.no-errors")) + "</p>";
        }
        StringBuilder html = new StringBuilder("<h3>").append(Panel.esc(texts.get(locale, "ops.jobs.errors"))).append("</h3><ul class=\"errors\">");
        errors.forEach(error -> html.append("<li><code>").append(Panel.esc(error.job())).append("</code> ").append(Panel.at(error.startedAt()))
                .append(" <small>").append(Panel.esc(error.instance())).append("</small><pre>").append(Panel.trimmed(error.error(), ERROR_CHARACTERS))
                .append("</pre></li>"));
        return html.append("</ul>").toString();
    }
}
