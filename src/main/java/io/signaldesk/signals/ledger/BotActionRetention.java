package io.signaldesk.signals.ledger;

import io.signaldesk.ops.RetentionPolicy;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bot-action log is kept for {@code signaldesk.retention.bot-actions} (30 days); the cooldown, daily-limit and /signals reads look back a day or so. Signals are never removed: open or closed, they are the track record. */
@Configuration(proxyBeanMethods = false)
class BotActionRetention {

    @Bean
    RetentionPolicy botActionPolicy(@Value("${signaldesk.retention.bot-actions}") Duration age) {
        return RetentionPolicy.deleting("bot-actions", "bot_action", "created_at", age);
    }
}
