package io.signaldesk.signals.outcome;

import io.signaldesk.analysis.Action;
import io.signaldesk.market.SeriesKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A signal still followed: its series (base timeframe), the candle it was issued on, its levels, when it
 * was issued, and how far it has been judged.
 */
record OpenSignal(long id, SeriesKey series, Instant candleOpenTime, Action action, BigDecimal entry, BigDecimal stopLoss,
                  List<BigDecimal> takeProfits, Instant issuedAt, Judging judging) {
}
