package io.signaldesk.status;

import static io.signaldesk.chat.ChatReplies.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** /jobs: operators see every job's last and next run and run one now; anyone else is refused. */
@IntegrationTest
class JobsCommandTest {

    private static final ChatAccount LOCAL = new ChatAccount(Platform.LOCAL, "local", "You", "en");

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOperatorSeesEveryJobWithItsLastAndNextRun() {
        jdbc.update("insert into job_run (job_name, instance_id, started_at, finished_at, outcome, items_processed, summary)"
                        + " values ('reports.calculate-metrics', 'jobs-test', ?, ?, 'SUCCEEDED', 7, 'jobs-test summary')",
                Timestamp.from(Instant.now().plusSeconds(3600)), Timestamp.from(Instant.now().plusSeconds(3602)));

        String jobs = text(ChatReplies.typed(dispatcher, LOCAL, "/jobs"));

        assertThat(jobs).startsWith("Scheduled jobs (").contains("• positions.update: next run off (cron \"-\")")
                .contains("• market.sync-candles: next run").contains("• ops.prune-job-runs: next run")
                .containsPattern("• reports.calculate-metrics: next run [^\n]+\n  last run: succeeded, started \\S+ \\S+ UTC, took 2.0 s,"
                        + " items 7, on jobs-test\n  summary: jobs-test summary");
        jdbc.update("delete from job_run where instance_id = 'jobs-test'");
    }

    @Test
    void someoneElseIsRefusedAndSeesNoJob() {
        var user = new ChatAccount(Platform.TELEGRAM, Long.toString(System.nanoTime() / 1000 + 41), "Trader", "en");

        String jobs = text(ChatReplies.typed(dispatcher, user, "/jobs"));
        String run = text(ChatReplies.typed(dispatcher, user, "/jobs run positions.update"));

        assertThat(jobs).isEqualTo("Only operators (SIGNALDESK_OPERATORS) may use /jobs, in a private chat with the bot.");
        assertThat(run).isEqualTo(jobs);
    }

    @Test
    void anOperatorRunsAJobNowWithItsLockAndRecord() {
        jdbc.update("update shedlock set lock_until = now() - interval '1 second' where name = 'positions.update'");
        Integer before = jdbc.queryForObject("select count(*) from job_run where job_name = 'positions.update'", Integer.class);

        String answer = text(ChatReplies.typed(dispatcher, LOCAL, "/jobs run positions.update"));

        assertThat(answer).startsWith("Ran positions.update: items ");
        assertThat(jdbc.queryForObject("select count(*) from job_run where job_name = 'positions.update'", Integer.class))
                .isEqualTo(before + 1);
        assertThat(text(ChatReplies.typed(dispatcher, LOCAL, "/jobs run positions.update"))).as("the lock is kept 30 s after a run")
                .isEqualTo("Did not run positions.update: another instance holds its lock (it is running there now or ran moments ago).");
        // later tests run the job themselves: the lock this run kept (lockAtLeastFor) ends now (a deleted row would make
        // ShedLock's next update miss)
        jdbc.update("update shedlock set lock_until = now() - interval '1 second' where name = 'positions.update'");
    }

    @Test
    void anUnknownJobIsAnsweredWithTheJobNames() {
        assertThat(text(ChatReplies.typed(dispatcher, LOCAL, "/jobs run positions.nope")))
                .startsWith("There is no job named positions.nope. Jobs: ").contains("positions.update").contains("market.sync-candles")
                .endsWith("Example: /jobs run positions.update");
    }
}
