package io.signaldesk.accounts.balances;

import io.signaldesk.ops.JobDefinition;
import io.signaldesk.ops.ScheduledJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every 15 minutes (SIGNALDESK_ACCOUNT_SYNC_CRON in SIGNALDESK_JOBS_ZONE; {@code -} turns it off): the balances of
 * every account into the history. The lock keeps the other instances out; its run counts the accounts synced.
 */
@Component
class SyncBalancesJob {

    static final JobDefinition JOB = new JobDefinition("account.sync-balances", Duration.ofMinutes(14), Duration.ofSeconds(30));

    private final ScheduledJobs jobs;
    private final SyncBalances sync;

    SyncBalancesJob(ScheduledJobs jobs, SyncBalances sync) {
        this.jobs = jobs;
        this.sync = sync;
    }

    @Scheduled(cron = "${signaldesk.accounts.sync-cron}", zone = "${signaldesk.jobs.zone}")
    void run() {
        jobs.run(JOB, sync::execute);
    }
}
