package io.signaldesk.news.feeds;

import io.signaldesk.ops.JobDefinition;
import io.signaldesk.ops.ScheduledJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every hour (SIGNALDESK_NEWS_FETCH_CRON in SIGNALDESK_JOBS_ZONE; {@code -} turns it off): every feed read once. The lock
 * keeps the other instances out; its run counts the new headlines.
 */
@Component
class FetchNewsJob {

    static final JobDefinition JOB = new JobDefinition("news.fetch", Duration.ofMinutes(30), Duration.ofSeconds(30));

    private final ScheduledJobs jobs;
    private final FetchNews fetch;

    FetchNewsJob(ScheduledJobs jobs, FetchNews fetch) {
        this.jobs = jobs;
        this.fetch = fetch;
    }

    @Scheduled(cron = "${signaldesk.news.fetch-cron}", zone = "${signaldesk.jobs.zone}")
    void run() {
        jobs.run(JOB, fetch::execute);
    }
}
