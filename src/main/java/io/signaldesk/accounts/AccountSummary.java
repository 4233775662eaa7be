package io.signaldesk.accounts;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One account of a user as other modules see it (positions, risk, reports).
 *
 * @param exchange     the exchange's id ({@code binance}, …) or {@code paper}
 * @param keyHint      the key as it may be shown ({@code …ab12}); null for the paper account
 * @param canTrade     the key can place orders (only an approved live rebalance uses that); false for paper
 * @param invalid      the exchange rejected the key: nothing is synced until it is replaced
 * @param equityUsdt   the last known equity in USDT (the paper account's configured equity for paper), null when never synced
 * @param equityAt     when that equity was true, null when never synced
 */
public record AccountSummary(long id, long userId, String exchange, boolean paper, String keyHint, boolean canTrade, boolean invalid,
                             BigDecimal equityUsdt, Instant equityAt) {
}
