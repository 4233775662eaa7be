-- The daily metrics of reports.calculate-metrics (issue 18), per calendar day of SIGNALDESK_JOBS_ZONE. Counts and sums
-- only, so that a week or a month is the sum of its days; ratios are derived when read. A rerun (or a second instance)
-- upserts the same rows by their natural keys.

-- Which days have been computed, up to when (a day computed at 23:00 is completed by the next run).
create table report_day (
    day            date        not null primary key,
    zone           varchar(64) not null,
    day_start      timestamptz not null,
    day_end        timestamptz not null,
    computed_until timestamptz not null,
    computed_at    timestamptz not null
);

-- Per subscription and pair: its signals of the day and the fixed-risk model's equity over the day's trades.
create table report_signal_day (
    day              date             not null,
    subscription_id  bigint           not null,
    pair             varchar(32)      not null,
    destination_id   bigint,
    user_id          bigint           not null,
    bot_template_id  bigint           not null,
    bot_name         varchar(64)      not null,
    exchange         varchar(16)      not null,
    issued           integer          not null,
    closed           integer          not null,
    wins             integer          not null,
    losses           integer          not null,
    expired          integer          not null,
    not_filled       integer          not null,
    trades           integer          not null,
    profitable       integer          not null,
    sum_r            double precision not null,
    -- the model's equity at the day's end, its highest and lowest point within the day, each relative to 1.0 at its start,
    -- and its largest fall from a peak within the day (0..1): enough to compose any span's drawdown exactly
    equity_growth    double precision not null,
    equity_peak      double precision not null,
    equity_trough    double precision not null,
    max_drawdown     double precision not null,
    best_signal_id   bigint,
    best_r           double precision,
    worst_signal_id  bigint,
    worst_r          double precision,
    -- null: the pair's series had its candles that day; else NO_CANDLES, EXCHANGE_OUTAGE or PARTIAL_CANDLES
    data_gap         varchar(16) check (data_gap in ('NO_CANDLES', 'EXCHANGE_OUTAGE', 'PARTIAL_CANDLES')),
    data_timeframe   varchar(4),
    data_candles     integer,
    data_expected    integer,
    data_detail      text,
    computed_until   timestamptz      not null,
    primary key (day, subscription_id, pair)
);

create index report_signal_day_destination_idx on report_signal_day (destination_id, day);

-- Per chat: the fixed-risk model over all the chat's trades of the day, in the order they closed.
create table report_chat_day (
    day            date             not null,
    destination_id bigint           not null,
    equity_growth  double precision not null,
    equity_peak    double precision not null,
    equity_trough  double precision not null,
    max_drawdown   double precision not null,
    computed_until timestamptz      not null,
    primary key (day, destination_id)
);

-- Per user with positions or accounts: realized PnL of the day, unrealized PnL and equity at its end (USDT).
create table report_user_day (
    day                  date        not null,
    user_id              bigint      not null,
    positions_closed     integer     not null,
    realized_pnl         numeric(38, 12) not null,
    open_positions       integer     not null,
    unmarked_positions   integer     not null,
    unrealized_pnl       numeric(38, 12),
    accounts             integer     not null,
    accounts_unknown     integer     not null,
    equity               numeric(38, 12),
    computed_until       timestamptz not null,
    primary key (day, user_id)
);
