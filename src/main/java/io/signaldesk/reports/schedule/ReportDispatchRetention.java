package io.signaldesk.reports.schedule;

import io.signaldesk.ops.RetentionPolicy;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Report dispatches that are done (sent, skipped, failed) are kept for {@code signaldesk.retention.report-dispatches} (90 days); pending ones stay. */
@Configuration(proxyBeanMethods = false)
class ReportDispatchRetention {
    @Bean
    RetentionPolicy reportDispatchPolicy(@Value("${signaldesk.retention.report-dispatches}") Duration age) {
        return RetentionPolicy.deleting("report-dispatches", "report_dispatch", "created_at", age).where("status <> 'PENDING'");
    }
}
