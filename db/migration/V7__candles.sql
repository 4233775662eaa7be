-- Candles of every synced series, upserted on their natural key. "closed" says whether the candle
-- had closed when it was fetched: the one still forming is stored too (for the last price) but is
-- never read as closed until a later sync stores its final values.
create table candle (
    exchange    varchar(16)  not null,
    market_type varchar(16)  not null check (market_type in ('PERPETUAL', 'SPOT')),
    symbol      varchar(32)  not null,
    timeframe   varchar(4)   not null,
    open_time   timestamptz  not null,
    open        numeric      not null,
    high        numeric      not null,
    low         numeric      not null,
    close       numeric      not null,
    volume      numeric      not null,
    closed      boolean      not null,
    updated_at  timestamptz  not null,
    primary key (exchange, market_type, symbol, timeframe, open_time)
);

-- One row per series: what the last sync did (the seeds' SyncStatus).
create table candle_series (
    exchange              varchar(16)  not null,
    market_type           varchar(16)  not null,
    symbol                varchar(32)  not null,
    timeframe             varchar(4)   not null,
    last_closed_open_time timestamptz,
    last_success_at       timestamptz,
    last_attempt_at       timestamptz,
    last_error            varchar(500),
    consecutive_failures  integer      not null default 0,
    primary key (exchange, market_type, symbol, timeframe)
);
