-- /analyze requests per user, for the per-user hourly cap (SIGNALDESK_ANALYZE_PER_HOUR): one row per
-- accepted request; a refused one writes nothing. Rows older than a day are deleted as new ones come.
create table analyze_request (
    id           bigint generated always as identity primary key,
    user_id      bigint      not null references app_user (id) on delete cascade,
    requested_at timestamptz not null
);

create index analyze_request_user_idx on analyze_request (user_id, requested_at);
