-- Issue 17: the indicators of every series in use, stored per series and closed candle by market.update-indicators.
-- The values at a candle are the ones the live analyst computes at that candle: over the snapshot window of the last
-- (at most 200) closed candles ending with it, with the parameters in `parameters`. `window_candles` and `window_hash`
-- (a hash of the window's candles as the indicators read them) say which candles they were computed over: a reader
-- holding other candles for the same candle (a late correction, a longer history) computes instead.
create table indicator_value (
    exchange        varchar(16)      not null,
    market_type     varchar(16)      not null check (market_type in ('PERPETUAL', 'SPOT')),
    symbol          varchar(32)      not null,
    timeframe       varchar(4)       not null,
    open_time       timestamptz      not null,
    parameters      varchar(120)     not null,
    window_candles  integer          not null check (window_candles > 0),
    window_hash     bigint           not null,
    close           double precision not null,
    ema_20          double precision not null,
    ema_50          double precision not null,
    sma_50          double precision not null,
    rsi             double precision not null,
    macd            double precision not null,
    macd_signal     double precision not null,
    macd_histogram  double precision not null,
    bb_upper        double precision not null,
    bb_middle       double precision not null,
    bb_lower        double precision not null,
    atr             double precision not null,
    -- within the last three candles: close crossed EMA 20, MACD crossed its signal (the technical analyst's trigger)
    ema_cross_up    boolean          not null,
    ema_cross_down  boolean          not null,
    macd_cross_up   boolean          not null,
    macd_cross_down boolean          not null,
    computed_at     timestamptz      not null,
    primary key (exchange, market_type, symbol, timeframe, open_time)
);
