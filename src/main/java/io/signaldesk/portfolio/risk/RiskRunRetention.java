package io.signaldesk.portfolio.risk;

import io.signaldesk.ops.RetentionPolicy;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Risk runs are kept for {@code signaldesk.retention.risk-runs} (30 days), except the run an account's alert state points at (its cascade would drop the state). */
@Configuration(proxyBeanMethods = false)
class RiskRunRetention {
    @Bean
    RetentionPolicy riskRunPolicy(@Value("${signaldesk.retention.risk-runs}") Duration age) {
        return RetentionPolicy.deleting("risk-runs", "portfolio_risk_run", "analyzed_at", age)
                .where("not exists (select 1 from portfolio_risk_alert_state s where s.run_id = portfolio_risk_run.id)");
    }
}
