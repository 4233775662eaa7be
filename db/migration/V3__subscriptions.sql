-- A user's subscription to a bot on one exchange: the primary pair first, then secondary pairs in
-- priority order; its timeframes; its schedule; and its four risk rules.
create table subscription (
    id                     bigint generated always as identity primary key,
    user_id                bigint      not null references app_user (id) on delete cascade,
    bot_template_id        bigint      not null references bot_template (id),
    exchange               varchar(16) not null,
    primary_pair           varchar(32) not null,
    secondary_pairs        text[]      not null default '{}',
    timeframes             text[]      not null check (cardinality(timeframes) between 1 and 5),
    status                 varchar(16) not null default 'ACTIVE' check (status in ('ACTIVE', 'PAUSED', 'CANCELLED')),
    started_at             timestamptz not null default now(),
    expires_at             timestamptz,
    next_run_at            timestamptz,
    max_open_positions     integer     not null default 3  check (max_open_positions > 0),
    max_consecutive_losses integer     not null default 3  check (max_consecutive_losses > 0),
    daily_trade_limit      integer     not null default 10 check (daily_trade_limit > 0),
    cooldown_minutes       integer     not null default 60 check (cooldown_minutes >= 0),
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    version                bigint      not null default 0,
    constraint subscription_expires_after_start check (expires_at is null or expires_at > started_at),
    constraint subscription_primary_not_secondary check (not (primary_pair = any (secondary_pairs)))
);

-- The scheduler's question: which active subscriptions are due (next_run_at empty or past)?
create index subscription_due_idx on subscription (next_run_at nulls first) where status = 'ACTIVE';
create index subscription_user_idx on subscription (user_id);
-- One live subscription per user, bot, exchange and primary pair.
create unique index subscription_live_pair_key on subscription (user_id, bot_template_id, exchange, primary_pair)
    where status <> 'CANCELLED';
