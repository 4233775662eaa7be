-- Users and the chat accounts they reach us from. One user may have a Telegram, a Discord and a
-- local-page identity; an identity belongs to exactly one user.
create table app_user (
    id         bigint generated always as identity primary key,
    language   varchar(2)  not null default 'en' check (language in ('en', 'vi')),
    created_at timestamptz not null default now()
);

create table chat_identity (
    id           bigint generated always as identity primary key,
    user_id      bigint       not null references app_user (id) on delete cascade,
    platform     varchar(16)  not null check (platform in ('TELEGRAM', 'DISCORD', 'LOCAL')),
    external_id  varchar(64)  not null,
    display_name varchar(128),
    created_at   timestamptz  not null default now(),
    constraint chat_identity_platform_external_id_key unique (platform, external_id)
);

create index chat_identity_user_idx on chat_identity (user_id);
