package io.signaldesk.status;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatOperators;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.ops.JobRunHistory;
import io.signaldesk.ops.ScheduledJobCatalog;
import io.signaldesk.ops.ScheduledJobCatalog.ScheduledJob;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code /jobs} (operators only, in a private chat): every scheduled job's last run and next run ({@link JobsView});
 * {@code /jobs run <job>} runs one now through its own scheduled method, so with the same lock and {@code job_run}
 * record as its schedule, and answers whether it ran, was skipped (another instance holds the lock) or failed.
 */
@Component
class JobsCommand implements ChatCommand {

    private final ChatOperators operators;
    private final ScheduledJobCatalog catalog;
    private final JobRunHistory history;
    private final JobsView view;
    private final ChatTexts texts;
    private final Clock clock;

    JobsCommand(ChatOperators operators, ScheduledJobCatalog catalog, JobRunHistory history, JobsView view, ChatTexts texts,
                Clock clock) {
        this.operators = operators;
        this.catalog = catalog;
        this.history = history;
        this.view = view;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "jobs";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        if (!operators.writesAsOperator(request.conversation())) {
            return Reply.text(texts.get(locale, "jobs.operators-only"));
        }
        String[] words = request.arguments() == null ? new String[0] : request.arguments().trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return Reply.text(view.text(locale, clock.instant()));
        }
        if (words.length == 2 && words[0].equalsIgnoreCase("run")) {
            return Reply.text(run(locale, words[1].toLowerCase(Locale.ROOT)));
        }
        return Reply.text(texts.get(locale, "jobs.usage", names()));
    }

    private String run(Locale locale, String name) {
        Optional<ScheduledJob> job = catalog.named(name);
        if (job.isEmpty()) {
            return texts.get(locale, "jobs.unknown", name, names());
        }
        Instant before = clock.instant();
        catalog.runNow(job.get());
        Optional<JobRunHistory.LastRun> last = history.latestPerJob().stream()
                .filter(run -> run.job().equals(name) && !run.startedAt().isBefore(before.minusMillis(1))).findFirst();
        if (last.isEmpty()) {
            return texts.get(locale, "jobs.run.skipped", name);
        }
        JobRunHistory.LastRun run = last.get();
        return "FAILED".equals(run.outcome()) ? texts.get(locale, "jobs.run.failed", name, String.valueOf(run.error()))
                : texts.get(locale, "jobs.run.ran", name, run.items() == null ? "-" : run.items(),
                run.summary() == null ? "" : " " + run.summary());
    }

    private String names() {
        return catalog.all().stream().map(ScheduledJob::name).collect(Collectors.joining(", "));
    }
}
