package io.signaldesk.chat;

/** What a command option takes; the adapters map each to their platform's option kind. */
public enum OptionType {
    STRING, INTEGER, NUMBER, BOOLEAN,
    /** an exchange id: binance, bybit, okx, bitget, htx, kraken, sim. */
    EXCHANGE,
    /** a trading pair, e.g. BTC/USDT. */
    PAIR,
    /** one timeframe, e.g. 1h. */
    TIMEFRAME,
    /** comma-separated timeframes, e.g. 30m,1h,4h. */
    TIMEFRAMES,
    /** one of the option's {@code choices}. */
    CHOICE
}
