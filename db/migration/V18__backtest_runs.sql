-- /backtest runs (backtest.run): a queue with leases. A worker claims the oldest queued row with
-- FOR UPDATE SKIP LOCKED and holds it with a lease it renews while it runs, so two instances never run the
-- same one; a row still 'running' after its lease ended belongs to a dead or restarted instance and is
-- marked 'interrupted' (its chat message is edited to say so). One queued or running backtest per user.
create table backtest_run (
    id             bigint generated always as identity primary key,
    user_id        bigint      not null references app_user (id) on delete cascade,
    destination_id bigint      not null references chat_destination (id) on delete cascade,
    locale         text        not null,
    -- the platform's id of the message that shows progress and outcome; null until the adapter has sent it
    message_id     text,
    exchange       text        not null,
    pair           text        not null,
    timeframes     text        not null,
    days           integer     not null check (days > 0),
    bot            text        not null,
    span_from      timestamptz not null,
    span_to        timestamptz not null,
    status         text        not null default 'queued'
        check (status in ('queued', 'running', 'done', 'failed', 'interrupted', 'refused')),
    lease_owner    text,
    lease_until    timestamptz,
    created_at     timestamptz not null,
    started_at     timestamptz,
    finished_at    timestamptz,
    -- the outcome: figures of a done run, the reason of a failed, refused or interrupted one
    trades         integer,
    total_return   double precision,
    max_drawdown   double precision,
    sharpe         double precision,
    edge           text,
    percentile     double precision,
    complete       boolean,
    reason         text
);

create unique index backtest_run_one_per_user on backtest_run (user_id) where status in ('queued', 'running');
create index backtest_run_queued on backtest_run (id) where status = 'queued';
create index backtest_run_running on backtest_run (lease_until) where status = 'running';
