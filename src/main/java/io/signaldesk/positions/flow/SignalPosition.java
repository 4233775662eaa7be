package io.signaldesk.positions.flow;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the "I took it" dialog reads and shows of a position (read with SQL beside {@link OpenSignalPosition}).
 *
 * @param side       {@code LONG} or {@code SHORT}
 * @param externalId the exchange's key, or a stand-in's {@code await:…} ({@link io.signaldesk.positions.AwaitingExchangeLink})
 */
record SignalPosition(long id, long userId, int number, String exchange, String pair, String side, BigDecimal entry, BigDecimal size,
                      BigDecimal stopLoss, List<BigDecimal> targets, String externalId, boolean open) {

    SignalPosition {
        targets = List.copyOf(targets);
    }

    /** The pair's base currency: {@code BTC} for {@code BTC/USDT}. */
    String base() {
        int slash = pair.indexOf('/');
        return slash < 0 ? "" : pair.substring(0, slash);
    }
}
