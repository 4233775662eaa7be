-- Issue 16: positions (from the exchange, from /open, from "I took it"), marked to market, and their stop and target alerts.

-- One position of a user in one account (exchange or paper). `number` is the user's own running number (#3 in
-- /positions, /close 3). Prices and sizes in the pair's quote (USDT) and base units; the mark is the last price it was
-- marked at, and when (never a guessed price: an exchange that fails leaves the last mark and its time).
create table position (
    id              bigint generated always as identity primary key,
    user_id         bigint         not null references app_user (id) on delete cascade,
    account_id      bigint         not null references exchange_account (id) on delete cascade,
    number          integer        not null,
    exchange        varchar(16)    not null,
    pair            varchar(32)    not null,
    side            varchar(5)     not null check (side in ('LONG', 'SHORT')),
    entry           numeric(38, 12) not null check (entry > 0),
    size            numeric(38, 12) not null check (size > 0),
    leverage        numeric(6, 2)  not null default 1 check (leverage >= 1 and leverage <= 125),
    stop_loss       numeric(38, 12) check (stop_loss > 0),
    take_profit_1   numeric(38, 12) check (take_profit_1 > 0),
    take_profit_2   numeric(38, 12) check (take_profit_2 > 0),
    take_profit_3   numeric(38, 12) check (take_profit_3 > 0),
    source          varchar(8)     not null check (source in ('EXCHANGE', 'MANUAL', 'SIGNAL')),
    -- the signal it was taken from, its bot and subscription (SIGNAL), or the exchange's key of it (EXCHANGE: pair + side)
    signal_id       bigint,
    bot             varchar(64),
    subscription_id bigint,
    external_id     varchar(64),
    status          varchar(8)     not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    opened_at       timestamptz    not null,
    closed_at       timestamptz,
    exit_price      numeric(38, 12),
    realized_pnl    numeric(38, 12),
    close_reason    varchar(16)    check (close_reason in ('MANUAL', 'STOP', 'TARGET', 'EXCHANGE')),
    mark_price      numeric(38, 12),
    marked_at       timestamptz,
    version         bigint         not null default 0,
    constraint position_user_number_key unique (user_id, number),
    constraint position_closed_check check ((status = 'OPEN') = (closed_at is null))
);

create index position_open_idx on position (exchange, pair) where status = 'OPEN';
create index position_user_idx on position (user_id, status);
create unique index position_exchange_open_key on position (account_id, external_id) where status = 'OPEN' and external_id is not null;

-- A stop or target alert, at most once per position and level, whatever instances or restarts (the key decides).
create table position_alert (
    position_id bigint      not null references position (id) on delete cascade,
    level       varchar(8)  not null check (level in ('STOP', 'TP1', 'TP2', 'TP3')),
    price       numeric(38, 12) not null,
    crossed_at  timestamptz not null,
    primary key (position_id, level)
);

-- How far positions.check-stops has looked at a position's price (the close of the last candle it read, or the time of
-- the last price it used), so each run reads only what is new; a position not checked yet starts at its opened_at.
create table position_stop_check (
    position_id   bigint      not null primary key references position (id) on delete cascade,
    checked_until timestamptz not null
);

-- /notify stops on|silent|off: the stop and target alerts are an event type of their own.
alter table notification_preference drop constraint notification_preference_event_type_check;
alter table notification_preference add constraint notification_preference_event_type_check
    check (event_type in ('signals', 'outcomes', 'alerts', 'stops', 'reports', 'news'));
