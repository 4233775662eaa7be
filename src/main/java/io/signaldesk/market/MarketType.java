package io.signaldesk.market;

/** What an exchange's candles are of: USDT-margined perpetual futures where offered, spot otherwise. */
public enum MarketType {
    PERPETUAL, SPOT
}
