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
    CHOICE,
    /**
     * a bot template's code, e.g. futures-signals-ai. It reaches the command as {@code bot=<code>}, so it
     * may stand in any position and a platform may leave the options before it empty.
     */
    BOT
}
