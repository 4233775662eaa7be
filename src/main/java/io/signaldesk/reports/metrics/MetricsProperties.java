package io.signaldesk.reports.metrics;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code signaldesk.reports.metrics.*}: the nightly metrics (the cron is read by the job's {@code @Scheduled}).
 *
 * @param cron         when {@code reports.calculate-metrics} runs (23:00); {@code -} turns it off
 * @param zone         the zone of the cron and of the days (SIGNALDESK_JOBS_ZONE)
 * @param catchUpDays  how many earlier days a run completes when they were not computed to their end (7)
 * @param riskPerTrade the fixed-risk model's fraction of equity risked per signal (SIGNALDESK_BACKTEST_RISK_PER_TRADE)
 */
@ConfigurationProperties("signaldesk.reports.metrics")
record MetricsProperties(String cron, ZoneId zone, int catchUpDays, double riskPerTrade) {

    MetricsProperties {
        if (zone == null) {
            throw new IllegalArgumentException("signaldesk.reports.metrics.zone (SIGNALDESK_JOBS_ZONE) is a zone id, e.g. Asia/Ho_Chi_Minh");
        }
        if (catchUpDays < 0 || catchUpDays > 60) {
            throw new IllegalArgumentException("SIGNALDESK_REPORTS_METRICS_CATCH_UP is 0 to 60 days, e.g. 7");
        }
        if (!(riskPerTrade > 0 && riskPerTrade <= 0.1)) {
            throw new IllegalArgumentException("SIGNALDESK_BACKTEST_RISK_PER_TRADE is a fraction above 0 and at most 0.1, e.g. 0.01");
        }
    }
}
