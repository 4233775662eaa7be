-- Issue 18, items 2-4: reports pushed into chats (reports.send-reports), /timezone and /report.

-- A chat's report settings: its time zone (IANA id, e.g. Asia/Ho_Chi_Minh; null or no row: SIGNALDESK_JOBS_ZONE for
-- reports, UTC for the times in messages) and whether a day with nothing to report sends one short line (quiet = false) or nothing.
create table report_chat (
    destination_id bigint      primary key references chat_destination (id) on delete cascade,
    zone           varchar(64),
    quiet          boolean     not null default false,
    updated_at     timestamptz not null
);

-- One row per chat, kind of report and period: the unique key makes each report go out once, whichever instance
-- sees it due first. A row is claimed with FOR UPDATE SKIP LOCKED and set SENT in the transaction that writes its
-- notification; a failure counts an attempt and sets the next try (within the hour).
create table report_dispatch (
    id             bigint generated always as identity primary key,
    destination_id bigint       not null references chat_destination (id) on delete cascade,
    period_kind    varchar(8)   not null check (period_kind in ('DAY', 'WEEK')),
    period_start   date         not null,
    zone           varchar(64)  not null,
    status         varchar(8)   not null default 'PENDING' check (status in ('PENDING', 'SENT', 'SKIPPED', 'FAILED')),
    attempts       integer      not null default 0,
    next_try_at    timestamptz  not null,
    created_at     timestamptz  not null,
    done_at        timestamptz,
    last_error     varchar(256),
    constraint report_dispatch_period_key unique (destination_id, period_kind, period_start)
);

create index report_dispatch_pending_idx on report_dispatch (next_try_at) where status = 'PENDING';
