-- Each outbox row carries its own expiry, computed by its kind when it is written (a signal: its issue time plus
-- the larger of signaldesk.notifications.max-age.signal and three base intervals; a notice: its creation plus
-- max-age.notice). The sender and the expiry job drop a pending row past it, whatever its kind (a kind no longer
-- registered ages out too). Existing rows get the defaults of their kind's maximum age (4h signal, 3d otherwise).
alter table delivery add column expires_at timestamptz;
update delivery set expires_at = created_at + case when kind = 'SIGNAL' then interval '4 hours' else interval '3 days' end;
-- Rows written by hand (tests, operators) without an expiry age out like a notice.
alter table delivery alter column expires_at set default now() + interval '3 days';
alter table delivery alter column expires_at set not null;
create index delivery_pending_expiry_idx on delivery (expires_at) where status = 'PENDING';

-- A pair whose exchange's fresh listing did not have it: it is only announced delisted when still missing at least an
-- hour after it was first found missing (a pair in maintenance or a listing glitch is not a delisting).
create table delisting_suspect (
    exchange         varchar(16) not null,
    symbol           varchar(32) not null,
    first_missing_at timestamptz not null,
    last_missing_at  timestamptz not null,
    primary key (exchange, symbol)
);
