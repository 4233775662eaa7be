-- News (issue 20): headlines read hourly from RSS / Atom feeds, each stored once (by guid, else by normalized link,
-- across feeds), with the coins they mention; and each feed's health for the operator's /status.
create table news_headline (
    id           bigserial primary key,
    dedup_key    text        not null unique,
    source       text        not null,
    feed_url     text        not null,
    title        text        not null,
    link         text,
    published_at timestamptz not null,
    fetched_at   timestamptz not null,
    coins        text[]      not null default '{}'
);
create index news_headline_published on news_headline (published_at desc);
create index news_headline_coins on news_headline using gin (coins);

create table news_feed_health (
    feed_url             text primary key,
    last_success_at      timestamptz,
    last_error_at        timestamptz,
    last_error           text,
    consecutive_failures integer     not null default 0
);
