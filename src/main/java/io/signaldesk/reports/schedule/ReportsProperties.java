package io.signaldesk.reports.schedule;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code signaldesk.reports.*} (the cron itself is read by {@link SendReportsJob}).
 *
 * @param catchUp     a scheduled report is still started this long after it fell due (an instance that was down at
 *                    23:30 sends it when it is back); older periods are left (SIGNALDESK_REPORTS_CATCH_UP, 3h)
 * @param retryDelay  a chat whose report failed is tried again after this (SIGNALDESK_REPORTS_RETRY_DELAY, 10m)
 * @param maxAttempts after this many failures the chat's report for that period is given up (SIGNALDESK_REPORTS_MAX_ATTEMPTS,
 *                    5: with the defaults, the tries span under an hour)
 * @param lifetime    how long a report may wait in the outbox before it is dropped (SIGNALDESK_REPORTS_LIFETIME, 12h)
 */
@ConfigurationProperties("signaldesk.reports")
record ReportsProperties(Duration catchUp, Duration retryDelay, int maxAttempts, Duration lifetime) {

    ReportsProperties {
        for (Duration each : new Duration[] {catchUp, retryDelay, lifetime}) {
            if (each == null || each.isNegative() || each.isZero()) {
                throw new IllegalArgumentException("signaldesk.reports.catch-up, retry-delay and lifetime must be positive durations, e.g. 10m");
            }
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("signaldesk.reports.max-attempts must be at least 1, e.g. 5");
        }
    }
}
