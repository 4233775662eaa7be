package io.signaldesk.reports.schedule;

import io.signaldesk.reports.render.ReportNotice;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code reports.send-reports}' use case: opens the reports that fell due ({@link OpenDueReports}), then takes the pending
 * rows one at a time. Each is claimed with {@code FOR UPDATE SKIP LOCKED} and, in that same transaction, its
 * notification is written (or, for a quiet chat with nothing to report, nothing) and the row closed: two instances, or
 * a restart between the two, still write it once. A chat whose report fails is counted and tried again after
 * {@code retry-delay}, up to {@code max-attempts}; the other chats go on.
 */
@Component
class SendReports {

    private static final Logger log = LoggerFactory.getLogger(SendReports.class);
    private static final int BATCH = 1_000;
    private static final String SENT = "SENT";
    private static final String SKIPPED = "SKIPPED";

    /** What one run did. */
    record Outcome(int opened, int sent, int skipped, int failed) {
    }

    private final OpenDueReports due;
    private final ReportDispatches dispatches;
    private final ReportNotice notice;
    private final TransactionTemplate transactions;
    private final ReportsProperties properties;
    private final Clock clock;

    SendReports(OpenDueReports due, ReportDispatches dispatches, ReportNotice notice, TransactionTemplate transactions,
                ReportsProperties properties, Clock clock) {
        this.due = due;
        this.dispatches = dispatches;
        this.notice = notice;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    Outcome execute() {
        return execute(clock.instant());
    }

    Outcome execute(Instant now) {
        int opened = due.execute(now);
        Outcome sending = sendDue(now);
        return new Outcome(opened, sending.sent(), sending.skipped(), sending.failed());
    }

    /** Sends the pending reports due by {@code now}, one claimed row at a time. */
    Outcome sendDue(Instant now) {
        int sent = 0;
        int skipped = 0;
        int failed = 0;
        for (int i = 0; i < BATCH; i++) {
            Optional<String> closed;
            try {
                closed = transactions.execute(status -> dispatches.claim(now).map(this::deliver));
            } catch (Attempt attempt) {
                failed++;
                ReportDispatches.Claimed row = attempt.row;
                log.warn("Report {} {} for chat destination {} failed (attempt {}): {}", row.kind(), row.start(), row.destinationId(),
                        row.attempts() + 1, attempt.getCause().toString());
                transactions.executeWithoutResult(status -> dispatches.failed(row.id(), attempt.getCause().toString(),
                        now.plus(properties.retryDelay()), properties.maxAttempts(), now));
                continue;
            }
            if (closed == null || closed.isEmpty()) {
                break;
            }
            if (closed.get().equals(SKIPPED)) {
                skipped++;
            } else {
                sent++;
            }
        }
        return new Outcome(0, sent, skipped, failed);
    }

    private String deliver(ReportDispatches.Claimed row) {
        try {
            boolean written = notice.send(row.destinationId(), row.period(), clock.instant().plus(properties.lifetime()));
            String status = written ? SENT : SKIPPED;
            dispatches.close(row.id(), status, clock.instant());
            return status;
        } catch (RuntimeException e) {
            throw new Attempt(row, e);
        }
    }

    /** A claimed row whose report failed: its transaction rolls back, then the failure is counted on the row. */
    private static final class Attempt extends RuntimeException {

        private final transient ReportDispatches.Claimed row;

        Attempt(ReportDispatches.Claimed row, RuntimeException cause) {
            super(cause);
            this.row = row;
        }
    }
}
