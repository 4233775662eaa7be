-- Every run of a subscription, whatever it decided (the seed's bot action log).
create table bot_action (
    id              bigint generated always as identity primary key,
    subscription_id bigint      not null references subscription (id) on delete cascade,
    pair            varchar(32) not null,
    action          varchar(8)  not null check (action in ('BUY', 'SELL', 'HOLD')),
    price           numeric(30, 12),
    details         text,
    signal_data     jsonb       not null default '{}',
    created_at      timestamptz not null default now()
);

-- "What did this subscription do lately?" (/signals, cooldown and daily-limit checks).
create index bot_action_subscription_time_idx on bot_action (subscription_id, created_at desc);
