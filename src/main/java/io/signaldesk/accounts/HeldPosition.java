package io.signaldesk.accounts;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One open futures position an exchange reports for an account, as other modules see it (the positions sync).
 *
 * @param pair          {@code BASE/QUOTE}, e.g. {@code BTC/USDT}
 * @param size          in base units, always positive
 * @param mark          the exchange's mark price, or null when it sent none
 * @param leverage      1 when the exchange sent none
 * @param unrealizedPnl in USDT, or null when it sent none
 * @param updatedAt     when the exchange last changed it, or null when it does not say
 */
public record HeldPosition(String pair, Side side, BigDecimal size, BigDecimal entry, BigDecimal mark, BigDecimal leverage,
                           BigDecimal unrealizedPnl, Instant updatedAt) {

    public enum Side {
        LONG, SHORT
    }
}
