-- Signal bots users subscribe to. A template names its bot type, its default timeframes (smallest
-- first is not required: the scheduler sorts them) and which analyst answers for it.
create table bot_template (
    id                 bigint generated always as identity primary key,
    code               varchar(32)  not null unique check (code ~ '^[a-z][a-z0-9-]{1,31}$'),
    name               varchar(64)  not null,
    bot_type           varchar(32)  not null check (bot_type in ('SIGNALS_FUTURES')),
    default_timeframes text[]       not null check (cardinality(default_timeframes) between 1 and 5),
    analyst            varchar(32)  not null default 'technical',
    min_risk_reward    numeric(6, 2) not null default 1.5 check (min_risk_reward > 0),
    active             boolean      not null default true,
    created_at         timestamptz  not null default now()
);

insert into bot_template (code, name, bot_type, default_timeframes, analyst)
values ('futures-signals', 'Futures Signals', 'SIGNALS_FUTURES', '{30m,1h,4h}', 'technical');
