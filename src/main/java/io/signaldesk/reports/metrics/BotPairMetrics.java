package io.signaldesk.reports.metrics;

/**
 * One bot on one pair of a chat over the span (all its subscriptions in that chat together).
 *
 * @param botName      the bot template's display name
 * @param exchange     e.g. {@code binance}
 * @param pair         e.g. {@code BTC/USDT}
 * @param counts       the summed counts; ratios via {@link SignalCounts#winRate()} etc.
 * @param best         its best trade by R, null with no trade
 * @param worst        its worst trade by R, null with no trade
 * @param equityChange the fixed-risk model's equity change over the span as a fraction (0.02 = +2 %), 0 with no trade
 * @param maxDrawdown  the model's largest fall from a running peak within the span, a fraction 0..1
 */
public record BotPairMetrics(long botTemplateId, String botName, String exchange, String pair, SignalCounts counts,
                             SignalResult best, SignalResult worst, double equityChange, double maxDrawdown) {
}
