-- Issue 14, points 7 and 8: the nightly backtests (backtest.run) and their verdicts (backtest.validate).

-- One nightly backtest of a bot template on one pair and timeframe set. A row is claimed (RUNNING) before the
-- backtest starts and finished (DONE or FAILED) after it: the unique key makes two instances that run the job on the
-- same night store one run each market, whoever claims first runs it.
create table backtest_nightly_run (
    id                  bigint generated always as identity primary key,
    run_day             date        not null,
    bot                 varchar(64) not null,
    exchange            varchar(16) not null,
    pair                varchar(32) not null,
    timeframes          text[]      not null check (cardinality(timeframes) between 1 and 5),
    window_from         timestamptz not null,
    window_to           timestamptz not null check (window_to > window_from),
    state               varchar(16) not null default 'RUNNING' check (state in ('RUNNING', 'DONE', 'FAILED')),
    instance_id         varchar(128) not null,
    started_at          timestamptz not null default now(),
    finished_at         timestamptz,
    -- what was replayed: risk rules, costs, risk per trade, baseline seeds and seed
    parameters          jsonb       not null,
    analyst             varchar(64),
    analyst_version     varchar(64),
    decisions           integer,
    trades              integer,
    win_rate            double precision,
    average_r           double precision,
    profit_factor       double precision,
    total_return        double precision,
    cagr                double precision,
    sharpe              double precision,
    sortino             double precision,
    max_drawdown        double precision,
    buy_and_hold_return double precision,
    baseline_percentile double precision,
    baseline_edge       varchar(24),
    -- false while running, when history was missing (missing says what) or the backtest failed (error says why)
    complete            boolean     not null default false,
    missing             text,
    notes               text,
    error               text,
    constraint backtest_nightly_run_key unique (run_day, bot, exchange, pair, timeframes)
);
create index backtest_nightly_run_market_idx on backtest_nightly_run (bot, exchange, pair, run_day desc);

-- The verdict of backtest.validate for a bot on a market (exchange and pair), one a day: what /bots, signal messages
-- and /backtest show, with the line already written in both languages and the figures it rests on.
create table backtest_verdict (
    id                  bigint generated always as identity primary key,
    day                 date        not null,
    bot                 varchar(64) not null,
    exchange            varchar(16) not null,
    pair                varchar(32) not null,
    verdict             varchar(16) not null check (verdict in ('VALIDATED', 'FAILED', 'INCOMPLETE', 'SIMULATED')),
    reason_en           text        not null,
    reason_vi           text        not null,
    run_id              bigint references backtest_nightly_run (id) on delete set null,
    sharpe              double precision,
    total_return        double precision,
    max_drawdown        double precision,
    baseline_percentile double precision,
    decided_at          timestamptz not null default now(),
    constraint backtest_verdict_key unique (day, bot, exchange, pair)
);
create index backtest_verdict_market_idx on backtest_verdict (bot, exchange, pair, day desc);

-- Why a paused subscription is paused: 'user' (/pause) or 'validation' (the nightly validation, SIGNALDESK_VALIDATION_ACTION=disable;
-- only those are resumed by a later pass), null for older pauses and the other automatic ones (a delisted pair, a lost webhook).
-- validation_holds: the pairs of the subscription its bot failed validation on; the subscription may run again when none is left.
alter table subscription
    add column paused_by        varchar(16) check (paused_by in ('user', 'validation')),
    add column pause_reason     text,
    add column pause_reason_vi  text,
    add column validation_holds text[] not null default '{}';
