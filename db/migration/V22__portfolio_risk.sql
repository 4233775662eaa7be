-- Issue 17, part 1: portfolio risk (risk.analyze every 30 minutes, /risk portfolio).

-- A user's own threshold of one portfolio rule, as a percentage of the account's equity (80 = 80 %). A rule without a
-- row uses the seed's default (exposure 80, loss 10, concentration 20).
create table portfolio_risk_threshold (
    user_id    bigint       not null references app_user (id) on delete cascade,
    rule       varchar(16)  not null check (rule in ('EXPOSURE', 'LOSS', 'CONCENTRATION')),
    percent    numeric(7, 2) not null check (percent > 0),
    updated_at timestamptz  not null,
    primary key (user_id, rule)
);

-- One risk.analyze result per account and 30-minute period (the key makes a second run of the period a no-op, whatever
-- instance runs it). Ratios are shares of the equity (0.80 = 80 %); the limits are the ones in force for the run.
-- prices_at is the oldest mark the run used (null: no open position); stale: that mark, or the equity, was older than
-- the limits (signaldesk.portfolio.risk.max-price-age / max-equity-age), or a position was never marked.
create table portfolio_risk_run (
    id                  bigint generated always as identity primary key,
    account_id          bigint          not null references exchange_account (id) on delete cascade,
    user_id             bigint          not null references app_user (id) on delete cascade,
    period_start        timestamptz     not null,
    analyzed_at         timestamptz     not null,
    level               varchar(6)      not null check (level in ('LOW', 'MEDIUM', 'HIGH')),
    breached            varchar(64)     not null default '',
    positions           integer         not null,
    equity_usdt         numeric(38, 12) not null,
    equity_at           timestamptz     not null,
    open_notional       numeric(38, 12) not null,
    unrealized_loss     numeric(38, 12) not null,
    largest_notional    numeric(38, 12) not null,
    exposure            numeric(20, 8)  not null,
    loss_share          numeric(20, 8)  not null,
    concentration       numeric(20, 8)  not null,
    exposure_limit      numeric(9, 4)   not null,
    loss_limit          numeric(9, 4)   not null,
    concentration_limit numeric(9, 4)   not null,
    prices_at           timestamptz,
    stale               boolean         not null,
    constraint portfolio_risk_run_period_key unique (account_id, period_start)
);

create index portfolio_risk_run_user_idx on portfolio_risk_run (user_id, analyzed_at desc);

-- Whether the owner was last told the account is at HIGH risk: changed only across the HIGH boundary, with a
-- compare-and-set in the run's transaction, so each change is alerted once whatever instances run.
create table portfolio_risk_alert_state (
    account_id   bigint      not null primary key references exchange_account (id) on delete cascade,
    high         boolean     not null,
    changed_at   timestamptz not null,
    run_id       bigint      not null references portfolio_risk_run (id) on delete cascade
);
