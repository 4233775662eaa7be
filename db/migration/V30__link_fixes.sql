-- /link remembers which portfolio risk rules came from the joining user (a rule the kept user had not set), so /unlink
-- gives them back; cleared when the kept user sets that rule itself.
alter table portfolio_risk_threshold add column linked_from_user_id bigint;
