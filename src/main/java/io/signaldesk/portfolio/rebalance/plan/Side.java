package io.signaldesk.portfolio.rebalance.plan;

/** Whether a planned trade buys the asset with USDT or sells it for USDT. */
public enum Side {
    BUY, SELL
}
