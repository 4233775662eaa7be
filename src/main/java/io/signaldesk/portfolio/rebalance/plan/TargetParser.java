package io.signaldesk.portfolio.rebalance.plan;

/** Reads explicit target weights such as {@code BTC=40 ETH=20 SOL=10 USDT=30}. */
public final class TargetParser {

    private TargetParser() {
    }

    public static ParsedTarget parse(String text) {
        throw new UnsupportedOperationException("not yet");
    }
}
