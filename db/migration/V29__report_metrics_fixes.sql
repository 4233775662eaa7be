-- Issue 18 review: a user's day keeps exchange equity (the balance history of real exchange accounts) and the paper
-- account's equity apart; rows written before mixed the two in one figure.
alter table report_user_day rename column equity to exchange_equity;
alter table report_user_day add column paper_equity numeric(38, 12);
alter table report_user_day add column paper_accounts integer not null default 0;

-- The mixed rows of users with a paper account are unknown now, not wrong; the job's catch-up recomputes the recent days
-- (every day is marked as computed to its start only, so the next run redoes the days within its catch-up window).
update report_user_day u set exchange_equity = null
 where exists (select 1 from exchange_account a where a.user_id = u.user_id and a.kind = 'PAPER');
update report_day set computed_until = day_start;
