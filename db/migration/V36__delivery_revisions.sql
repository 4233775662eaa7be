-- Durable edits of delivered copies (Notifications.revise): a request is stored on every copy of the notification
-- (sent or still pending), in the caller's transaction; the platform's delivery worker edits each SENT copy whose
-- request is newer than the one it last served, with retries. revise_requested_at only grows per row (each request
-- later than the previous one), so a request made while an edit is under way is served again.
alter table delivery add column revise_requested_at timestamptz;  -- the newest edit asked for
alter table delivery add column revised_at timestamptz;           -- the request the copy shows (edited, or rendered after it)
alter table delivery add column revise_attempts integer not null default 0;  -- failed edits of the current request
alter table delivery add column revise_due_at timestamptz;        -- no edit before (retry backoff, spacing between edits)

create index delivery_revise_due_idx on delivery (revise_requested_at, id)
    where status = 'SENT' and revise_requested_at is not null and (revised_at is null or revised_at < revise_requested_at);
