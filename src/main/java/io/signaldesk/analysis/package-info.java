/**
 * Analysis: turning fresh multi-timeframe candles into a {@link io.signaldesk.analysis.Proposal}.
 *
 * <p>API: {@link io.signaldesk.analysis.Analysis} (analyse a pair; each analysis key is computed once,
 * shared by every subscription and instance), the {@link io.signaldesk.analysis.Analyst} SPI (the
 * technical analyst here; the LLM analyst plugs in beside it), the proposal records, and
 * {@link io.signaldesk.analysis.Indicators} (a series' indicators at its last closed candle: stored by the
 * {@code market.update-indicators} job when current, else computed with the same code).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analysis")
package io.signaldesk.analysis;
