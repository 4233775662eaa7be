package io.signaldesk.risk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code signaldesk.risk.*}.
 *
 * @param lossStreakPause how long after the last loss of a streak that reached a subscription's
 *                        {@code max_consecutive_losses} its new signals are held ({@code SIGNALDESK_LOSS_STREAK_PAUSE}, 24h)
 */
@ConfigurationProperties("signaldesk.risk")
public record RiskProperties(Duration lossStreakPause) {

    public RiskProperties {
        if (lossStreakPause == null || lossStreakPause.isNegative()) {
            throw new IllegalArgumentException("signaldesk.risk.loss-streak-pause must be a duration of zero or more, e.g. 24h");
        }
    }
}
