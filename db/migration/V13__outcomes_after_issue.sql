-- Issue 13, point 3: outcomes are judged only on price after the signal was issued, a signal counts only
-- once its entry was touched, and one never filled within the horizon ends NOT_FILLED (no exit, no R).
alter table signal drop constraint signal_status_check;
alter table signal add constraint signal_status_check
    check (status in ('OPEN', 'TAKE_PROFIT', 'STOP_LOSS', 'EXPIRED', 'NOT_FILLED'));

-- Judging progress, so each run reads only the candles closed since the last one:
--   filled_at     close of the candle in which price first touched the entry after issue (null: not filled)
--   judged_until  close of the last candle judged (the next judged candle opens there)
--   judged_close  that candle's close (an expiry's exit; the side of the entry for a gap across it)
-- outcome_rule says which rule judged a closed signal: AFTER_ISSUE (this one), or SIGNAL_CANDLE for the
-- outcomes stored before this migration (judged from the candle after the signal's, which opened before
-- the issue: a level reached in that candle's first minutes, before the signal existed, was counted).
alter table signal
    add column filled_at    timestamptz,
    add column judged_until timestamptz,
    add column judged_close numeric,
    add column outcome_rule varchar(16) not null default 'AFTER_ISSUE'
        check (outcome_rule in ('AFTER_ISSUE', 'SIGNAL_CANDLE'));

update signal set outcome_rule = 'SIGNAL_CANDLE' where status <> 'OPEN';

-- Consecutive losses (point 5) walk a subscription's closed signals by close time.
create index signal_subscription_closed_idx on signal (subscription_id, closed_at desc) where status <> 'OPEN';
