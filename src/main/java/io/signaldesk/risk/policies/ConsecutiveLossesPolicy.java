package io.signaldesk.risk.policies;

import io.signaldesk.risk.LossStreak;
import io.signaldesk.risk.PauseLength;
import io.signaldesk.risk.RiskContext;
import io.signaldesk.risk.RiskProperties;
import io.signaldesk.risk.RiskRules;
import io.signaldesk.risk.RiskVerdict;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Once the subscription's losses in a row ({@link LossStreak}: stop-losses since its last take-profit,
 * over its whole history in order of closing) reach {@code max_consecutive_losses}, no new signal until
 * {@code signaldesk.risk.loss-streak-pause} (24 h) after the last of them. A win ends the streak; so does
 * nothing else. When the pause is over, signals go out again as the other rules allow (not just one: the
 * streak still stands, but only a new loss renews the pause), and the next stop-loss to close starts a whole
 * pause again from that loss.
 */
@Component
@Order(2)
public class ConsecutiveLossesPolicy implements RiskPolicy {

    static final String NAME = "consecutive-losses";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final RiskProperties properties;

    public ConsecutiveLossesPolicy(RiskProperties properties) {
        this.properties = properties;
    }

    @Override
    public RiskVerdict check(RiskRules rules, RiskContext context) {
        LossStreak streak = context.lossStreak();
        String detail = "%d losses in a row, limit %d".formatted(streak.losses(), rules.maxConsecutiveLosses());
        Optional<Instant> pausedUntil = streak.pausedUntil(rules.maxConsecutiveLosses(), properties.lossStreakPause());
        if (pausedUntil.isEmpty()) {
            return new RiskVerdict.Passed(NAME, detail);
        }
        if (!context.now().isBefore(pausedUntil.get())) {
            return new RiskVerdict.Passed(NAME, detail + "; the pause after the last loss ended " + WHEN.format(pausedUntil.get()));
        }
        return new RiskVerdict.Failed(NAME, "Consecutive losses limit reached: %s; new signals paused until %s (%s after the last loss)."
                .formatted(detail, WHEN.format(pausedUntil.get()), PauseLength.of(properties.lossStreakPause())));
    }
}
