-- Rebalancing safety (second review): a press's outcome fits "REFUSED_PARTIALLY_EXECUTED" (26 characters).
alter table rebalance_press alter column outcome type varchar(40);

-- A fill the exchange reports for an order already settled (e.g. NOT_SENT by the sweep) is stored, and flagged.
alter table rebalance_order add column late_fill boolean not null default false;

-- The audit outlives the account: removing a key (or merging a paper account away) keeps its proposals, presses, orders
-- and fills, with the account id emptied and the exchange's name kept on the proposal.
alter table rebalance_proposal add column exchange varchar(32);
update rebalance_proposal p set exchange = a.exchange from exchange_account a where a.id = p.account_id;
alter table rebalance_proposal alter column account_id drop not null;
alter table rebalance_proposal drop constraint rebalance_proposal_account_id_fkey;
alter table rebalance_proposal add constraint rebalance_proposal_account_id_fkey
    foreign key (account_id) references exchange_account (id) on delete set null;
