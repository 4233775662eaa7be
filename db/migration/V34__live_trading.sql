-- Issue 19: live spot orders per exchange account. Off by default; the owner turns them on with /keys live on <exchange>
-- (after a confirmation press in a private chat), and only where the service allows them (SIGNALDESK_LIVE_TRADING).
-- Who turned them on, from which chat and when, is kept for the audit; turning them off (or connecting a new key, or the
-- account moving to another user) clears the flag and stamps the change.
alter table exchange_account add column live_orders boolean not null default false;
alter table exchange_account add column live_orders_changed_at timestamptz;
alter table exchange_account add column live_orders_by_user_id bigint;
-- the chat the confirmation was pressed in, e.g. TELEGRAM:123456789
alter table exchange_account add column live_orders_chat varchar(80);
