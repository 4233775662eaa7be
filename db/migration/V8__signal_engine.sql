-- The signal engine: claims of subscription runs, shared analyses, issued signals and their outcomes.

-- Seconds of a timeframe code such as '30m', '4h', '1d' (the scheduler's next close).
create function timeframe_seconds(code text) returns integer
    language sql immutable strict parallel safe
    return case right(lower(code), 1)
               when 'm' then 60
               when 'h' then 3600
               when 'd' then 86400
           end * left(code, -1)::integer;

-- Only what the scheduler and the market module understand can be stored, so no row can jam a claim.
alter table subscription
    add constraint subscription_timeframes_known
        check (timeframes <@ array['1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '6h', '12h', '1d']::text[]),
    add constraint subscription_exchange_known
        check (exchange in ('binance', 'bybit', 'okx', 'bitget', 'htx', 'kraken', 'sim'));

-- A run is claimed by one worker for a lease; an expired lease (a crashed worker) is claimed again.
alter table subscription
    add column claimed_by    varchar(128),
    add column claimed_until timestamptz;

create index subscription_expired_claim_idx on subscription (claimed_until) where claimed_until is not null;

-- One proposal per analysis key, shared by every subscription and instance. The bot's minimum
-- reward-to-risk is part of the key: it places the take-profits.
create table analysis (
    id               bigint generated always as identity primary key,
    exchange         varchar(16)   not null,
    symbol           varchar(32)   not null,
    timeframes       varchar(32)   not null,
    candle_open_time timestamptz   not null,
    analyst          varchar(32)   not null,
    analyst_version  varchar(32)   not null,
    min_risk_reward  numeric       not null,
    action           varchar(8)    not null check (action in ('BUY', 'SELL', 'HOLD')),
    confidence       double precision not null,
    entry            numeric,
    stop_loss        numeric,
    take_profits     numeric[]     not null default '{}',
    risk_reward      numeric,
    reasoning        text          not null,
    created_at       timestamptz   not null default now(),
    constraint analysis_key unique (exchange, symbol, timeframes, candle_open_time, analyst, analyst_version, min_risk_reward)
);

-- BUY and SELL signals: at most one per subscription, pair and candle; followed until an outcome.
-- They outlive nothing silently: a subscription with signals cannot be deleted (it is cancelled).
create table signal (
    id               bigint generated always as identity primary key,
    subscription_id  bigint        not null references subscription (id),
    bot_template_id  bigint        not null references bot_template (id),
    exchange         varchar(16)   not null,
    market_type      varchar(16)   not null,
    symbol           varchar(32)   not null,
    timeframe        varchar(4)    not null,
    candle_open_time timestamptz   not null,
    action           varchar(8)    not null check (action in ('BUY', 'SELL')),
    confidence       double precision not null check (confidence between 0 and 1),
    entry            numeric       not null,
    stop_loss        numeric       not null,
    take_profits     numeric[]     not null,
    risk_reward      numeric       not null,
    reasoning        text          not null,
    analyst          varchar(32)   not null,
    analyst_version  varchar(32)   not null,
    issued_at        timestamptz   not null,
    status           varchar(16)   not null default 'OPEN' check (status in ('OPEN', 'TAKE_PROFIT', 'STOP_LOSS', 'EXPIRED')),
    closed_at        timestamptz,
    exit_price       numeric,
    r_multiple       numeric,
    constraint signal_once_per_candle unique (subscription_id, symbol, candle_open_time),
    constraint signal_levels check ((action = 'BUY' and stop_loss < entry) or (action = 'SELL' and stop_loss > entry))
);

create index signal_open_idx on signal (exchange, symbol, timeframe) where status = 'OPEN';
create index signal_subscription_time_idx on signal (subscription_id, issued_at desc);
create index signal_bot_idx on signal (bot_template_id, issued_at desc);
