-- /link remembers where the joining user's exchange accounts and positions came from (its user id), so /unlink gives
-- them back: each module's column on its own table, set by its UserMerge at link time, cleared when the row goes back.
alter table exchange_account add column linked_from_user_id bigint;
alter table position add column linked_from_user_id bigint;
