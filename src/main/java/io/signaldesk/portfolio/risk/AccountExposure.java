package io.signaldesk.portfolio.risk;

import io.signaldesk.positions.OpenPositionMarks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an account's open positions amount to at their last marks, beside its equity (USDT). A position never marked
 * is counted at its entry price, and {@link #unmarked} says so (the run is then stale).
 *
 * @param openNotional    Σ size × mark (size is always positive, so a short counts as much as a long)
 * @param unrealizedLoss  Σ max(0, −(mark − entry) × size × side): what the losing positions lose; winners offset nothing
 * @param largestNotional the largest size × mark
 * @param pricesAt        the oldest mark time used, null without open positions
 */
record AccountExposure(int positions, BigDecimal equity, BigDecimal openNotional, BigDecimal unrealizedLoss,
                       BigDecimal largestNotional, Instant pricesAt, boolean unmarked) {

    private static final int SCALE = 8;

    static AccountExposure of(List<OpenPositionMarks.Marked> open, BigDecimal equity) {
        BigDecimal notional = BigDecimal.ZERO;
        BigDecimal loss = BigDecimal.ZERO;
        BigDecimal largest = BigDecimal.ZERO;
        Instant oldest = null;
        boolean unmarked = false;
        for (OpenPositionMarks.Marked position : open) {
            BigDecimal price = Objects.requireNonNullElse(position.mark(), position.entry());
            unmarked |= position.mark() == null || position.markedAt() == null;
            if (position.markedAt() != null && (oldest == null || position.markedAt().isBefore(oldest))) {
                oldest = position.markedAt();
            }
            BigDecimal value = position.size().multiply(price);
            int sign = "SHORT".equals(position.side()) ? -1 : 1;
            BigDecimal pnl = price.subtract(position.entry()).multiply(position.size()).multiply(BigDecimal.valueOf(sign));
            notional = notional.add(value);
            loss = loss.add(pnl.signum() < 0 ? pnl.negate() : BigDecimal.ZERO);
            largest = largest.max(value);
        }
        return new AccountExposure(open.size(), equity, notional, loss, largest, oldest, unmarked);
    }

    BigDecimal exposure() {
        return share(openNotional);
    }

    BigDecimal lossShare() {
        return share(unrealizedLoss);
    }

    BigDecimal concentration() {
        return share(largestNotional);
    }

    /** The ratio a rule looks at. */
    BigDecimal ratio(RiskRule rule) {
        return switch (rule) {
            case EXPOSURE -> exposure();
            case LOSS -> lossShare();
            case CONCENTRATION -> concentration();
        };
    }

    private BigDecimal share(BigDecimal amount) {
        return amount.divide(equity, SCALE, RoundingMode.HALF_UP);
    }
}
