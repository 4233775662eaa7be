-- Rebalancing safety (second review): a press's outcome fits "REFUSED_PARTIALLY_EXECUTED" (26 characters).
alter table rebalance_press alter column outcome type varchar(40);

-- A fill the exchange reports for an order already settled (e.g. NOT_SENT by the sweep) is stored, and flagged.
alter table rebalance_order add column late_fill boolean not null default false;
