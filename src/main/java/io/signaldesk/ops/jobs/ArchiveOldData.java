package io.signaldesk.ops.jobs;

import io.signaldesk.ops.JobReport;
import io.signaldesk.ops.RetentionPolicy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies every declared {@link RetentionPolicy}: rows past their age are deleted (or their columns
 * cleared) in batches of {@code batchSize}, each batch one statement in its own short transaction (no
 * transaction spans the run), so no lock is held for long and an interrupted run is simply continued by
 * the next. Returns, per policy, the rows removed or cleared; a failing policy does not stop the others,
 * but fails the run at the end.
 */
@Component
class ArchiveOldData {

    private static final Logger log = LoggerFactory.getLogger(ArchiveOldData.class);

    /** What one policy did in a run: rows deleted or cleared, in how many batches that changed something. */
    record Removed(String policy, String table, boolean deleted, int rows, int batches) {
    }

    private final JdbcTemplate jdbc;
    private final List<RetentionPolicy> policies;
    private final Clock clock;
    private final int batchSize;
    private final RetentionArchive archive;
    private final TransactionTemplate transactions;

    ArchiveOldData(JdbcTemplate jdbc, List<RetentionPolicy> policies, Clock clock,
                   @Value("${signaldesk.jobs.archive-old-data.batch-size}") int batchSize, RetentionArchive archive,
                   TransactionTemplate transactions) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("signaldesk.jobs.archive-old-data.batch-size (SIGNALDESK_ARCHIVE_BATCH_SIZE) must be at least 1,"
                    + " e.g. 5000; got " + batchSize);
        }
        this.jdbc = jdbc;
        this.policies = policies.stream().sorted(Comparator.comparing(RetentionPolicy::name)).toList();
        this.clock = clock;
        this.batchSize = batchSize;
        this.archive = archive;
        this.transactions = transactions;
    }

    /**
     * The job's work: applies all policies; its items are the rows removed or cleared in all tables, its summary
     * names them per policy, e.g. {@code bot-actions 5 in 3 batches; llm-raw-answers cleared 1 in 1 batch}.
     */
    JobReport execute() {
        List<Removed> removed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Instant now = clock.instant();
        for (RetentionPolicy policy : policies) {
            if (policy.keepsForever()) {
                continue;
            }
            try {
                removed.add(apply(policy, now));
            } catch (RuntimeException e) {
                log.error("Retention {} on {} failed; the others go on", policy.name(), policy.table(), e);
                failed.add(policy.name());
            }
        }
        String summary = removed.stream().filter(r -> r.rows() > 0)
                .map(r -> "%s %s%d in %d batch%s".formatted(r.policy(), r.deleted() ? "" : "cleared ", r.rows(), r.batches(), r.batches() == 1 ? "" : "es"))
                .collect(Collectors.joining("; "));
        summary = summary.isEmpty() ? "nothing past its retention" : summary;
        log.info("Data retention: {}", summary);
        if (!failed.isEmpty()) {
            throw new IllegalStateException("retention failed for " + String.join(", ", failed) + " (the others ran: " + summary + ")");
        }
        return new JobReport(removed.stream().mapToInt(Removed::rows).sum(), summary);
    }

    Removed apply(RetentionPolicy policy, Instant now) {
        Timestamp cutoff = Timestamp.from(now.minus(policy.age()));
        String sql = policy.deletes() ? deleteSql(policy) : clearSql(policy);
        int rows = 0;
        int batches = 0;
        int changed;
        boolean archived = policy.deletes() && archive.on();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        do {
            changed = archived ? deleteArchived(policy, sql, cutoff, day) : jdbc.update(sql, cutoff, batchSize);
            rows += changed;
            batches += changed > 0 ? 1 : 0;
        } while (changed == batchSize);
        return new Removed(policy.name(), policy.table(), policy.deletes(), rows, batches);
    }

    /** One batch deleted and its rows written to the archive in one transaction: a failed write deletes nothing. */
    private int deleteArchived(RetentionPolicy policy, String sql, Timestamp cutoff, LocalDate day) {
        String returning = sql + " returning row_to_json(" + policy.table() + ".*)::text";
        return transactions.execute(status -> {
            List<String> rows = jdbc.queryForList(returning, String.class, cutoff, batchSize);
            archive.write(policy.table(), day, rows);
            return rows.size();
        });
    }

    private static String deleteSql(RetentionPolicy policy) {
        return "delete from %s where ctid = any(array(select ctid from %s where %s < ?%s limit ?))"
                .formatted(policy.table(), policy.table(), policy.timeColumn(), and(policy.condition()));
    }

    private static String clearSql(RetentionPolicy policy) {
        String set = policy.clearColumns().stream().map(c -> c + " = null").collect(Collectors.joining(", "));
        String anyLeft = policy.clearColumns().stream().map(c -> c + " is not null").collect(Collectors.joining(" or "));
        return "update %s set %s where ctid = any(array(select ctid from %s where %s < ? and (%s)%s limit ?))"
                .formatted(policy.table(), set, policy.table(), policy.timeColumn(), anyLeft, and(policy.condition()));
    }

    private static String and(String condition) {
        return condition.isEmpty() ? "" : " and (" + condition + ")";
    }
}
