-- Where messages go: a private chat with one user, or a group / server channel. A destination the
-- platform refuses (bot blocked, removed from the group) is marked inactive and gets nothing more.
create table chat_destination (
    id              bigint generated always as identity primary key,
    platform        varchar(16)  not null check (platform in ('TELEGRAM', 'DISCORD', 'LOCAL')),
    chat_id         varchar(64)  not null,
    is_group        boolean      not null,
    active          boolean      not null default true,
    inactive_reason varchar(256),
    inactive_since  timestamptz,
    created_at      timestamptz  not null default now(),
    constraint chat_destination_chat_key unique (platform, chat_id)
);

-- A subscription delivers to the chat it was made in: the user's private chat, or a group whose
-- admins then share its configuration.
alter table subscription add column destination_id bigint references chat_destination (id);
create index subscription_destination_idx on subscription (destination_id);
drop index subscription_live_pair_key;
create unique index subscription_live_pair_key on subscription (coalesce(destination_id, -user_id), bot_template_id, exchange, primary_pair)
    where status <> 'CANCELLED';

-- A button may be open to anyone who sees its message (a signal posted in a group).
alter table chat_button alter column user_id drop not null;

-- Per destination and event type: messages arrive (ON), arrive without a sound (SILENT) or not at all (OFF).
create table notification_preference (
    destination_id bigint      not null references chat_destination (id) on delete cascade,
    event_type     varchar(16) not null check (event_type in ('signals', 'outcomes', 'alerts', 'reports', 'news')),
    mode           varchar(8)  not null check (mode in ('ON', 'SILENT', 'OFF')),
    primary key (destination_id, event_type)
);

-- The outbox: one row per (event, destination), written in the event's transaction and claimed by one
-- sender with FOR UPDATE SKIP LOCKED. The payload is the event itself; the message is rendered at send time.
create table delivery (
    id              bigint generated always as identity primary key,
    event_key       varchar(64)  not null,
    destination_id  bigint       not null references chat_destination (id) on delete cascade,
    kind            varchar(16)  not null,
    payload         jsonb        not null,
    silent          boolean      not null default false,
    status          varchar(16)  not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED', 'DROPPED')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    claimed_by      varchar(128),
    claimed_until   timestamptz,
    last_error      varchar(512),
    message_ids     varchar(256),
    created_at      timestamptz  not null default now(),
    sent_at         timestamptz,
    constraint delivery_once unique (event_key, destination_id)
);

create index delivery_due_idx on delivery (next_attempt_at, id) where status = 'PENDING';
create index delivery_pending_destination_idx on delivery (destination_id, id) where status = 'PENDING';

-- "I took it" on a signal message: who acted on which signal (positions build on it).
create table signal_taken (
    signal_id bigint      not null references signal (id) on delete cascade,
    user_id   bigint      not null references app_user (id) on delete cascade,
    taken_at  timestamptz not null default now(),
    primary key (signal_id, user_id)
);

-- Leader election for chat connections (Spring Integration's JdbcLockRegistry; its own DDL).
create table int_lock (
    lock_key      char(36)     not null,
    region        varchar(100) not null,
    client_id     char(36),
    created_date  timestamp    not null,
    expired_after timestamp    not null,
    constraint int_lock_pk primary key (lock_key, region)
);
