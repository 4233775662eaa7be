-- Issue 19: rebalancing with inline approval. Targets per account, proposals (a state machine changed with
-- compare-and-set), every press, every order (recorded before it is sent, with a client order id the exchange
-- deduplicates), and the paper account's spot wallet (accounts module).

-- The owner's target per account: explicit weights ("BTC=40 ETH=20 USDT=40") or null for the default (50 % mains / 50 % alts).
create table rebalance_target (
    account_id   bigint        not null primary key references exchange_account (id) on delete cascade,
    weights      text,
    drift_pp     numeric(6, 2) not null default 5 check (drift_pp >= 0.5 and drift_pp <= 50),
    updated_at   timestamptz   not null
);

create table rebalance_proposal (
    id                bigint generated always as identity primary key,
    account_id        bigint          not null references exchange_account (id) on delete cascade,
    user_id           bigint          not null references app_user (id) on delete cascade,
    state             varchar(20)     not null check (state in ('PROPOSED', 'APPROVED', 'EXECUTING', 'EXECUTED', 'PARTIALLY_EXECUTED',
                                                                'FAILED', 'REJECTED', 'EXPIRED', 'SUPERSEDED')),
    origin            varchar(10)     not null check (origin in ('SCHEDULED', 'ON_DEMAND')),
    -- the jobs-zone day of a scheduled proposal: one per account and day, whatever runs or instances
    scheduled_day     date,
    live              boolean         not null default false,
    -- why live orders were off for an exchange account when it was made (then it is a dry run only), null otherwise
    live_off          text,
    created_at        timestamptz     not null,
    expires_at        timestamptz     not null,
    state_changed_at  timestamptz     not null,
    prices            jsonb           not null,
    prices_at         timestamptz     not null,
    holdings_at       timestamptz     not null,
    target            text,
    trades            jsonb           not null,
    before_allocation jsonb           not null,
    after_allocation  jsonb           not null,
    fees_usdt         numeric(38, 12) not null,
    drift_pp          numeric(8, 2)   not null,
    threshold_pp      numeric(6, 2)   not null,
    skipped           text            not null default '',
    superseded_by     bigint          references rebalance_proposal (id) on delete set null,
    -- why it was superseded: NEWER (a newer proposal) or PRICES_MOVED (a re-quote at approval)
    superseded_why    varchar(16),
    result            text,
    -- the allocation once the orders that went through were done (at their fill prices), null before
    result_allocation jsonb,
    version           integer         not null default 0
);
create unique index rebalance_proposal_one_open on rebalance_proposal (account_id) where state = 'PROPOSED';
create unique index rebalance_proposal_one_scheduled on rebalance_proposal (account_id, scheduled_day) where origin = 'SCHEDULED';
create index rebalance_proposal_account on rebalance_proposal (account_id, created_at desc);
create index rebalance_proposal_sweep on rebalance_proposal (state, expires_at) where state in ('PROPOSED', 'APPROVED', 'EXECUTING');

create table rebalance_press (
    id           bigint generated always as identity primary key,
    proposal_id  bigint      not null references rebalance_proposal (id) on delete cascade,
    action       varchar(8)  not null check (action in ('APPROVE', 'REJECT')),
    user_id      bigint      not null,
    platform     varchar(16) not null,
    chat_id      varchar(64) not null,
    pressed_at   timestamptz not null,
    outcome      varchar(24) not null
);
create index rebalance_press_proposal on rebalance_press (proposal_id, pressed_at);

create table rebalance_order (
    id                 bigint generated always as identity primary key,
    proposal_id        bigint          not null references rebalance_proposal (id) on delete cascade,
    sequence           integer         not null,
    pair               varchar(32)     not null,
    side               varchar(4)      not null check (side in ('BUY', 'SELL')),
    quantity           numeric(38, 18) not null,
    client_order_id    varchar(36)     not null unique check (client_order_id ~ '^[A-Za-z0-9_-]{1,36}$'),
    state              varchar(10)     not null check (state in ('RECORDED', 'SENT', 'FILLED', 'REJECTED', 'UNKNOWN', 'NOT_SENT')),
    exchange_order_id  varchar(64),
    executed_quantity  numeric(38, 18),
    quote_quantity     numeric(38, 18),
    fee                numeric(38, 18),
    fee_asset          varchar(16),
    recorded_at        timestamptz     not null,
    sent_at            timestamptz,
    done_at            timestamptz,
    error              text,
    unique (proposal_id, sequence)
);

-- accounts module: the paper account's spot wallet (starts as its paper equity in USDT on first use)
create table paper_spot_holding (
    account_id  bigint          not null references exchange_account (id) on delete cascade,
    asset       varchar(16)     not null,
    quantity    numeric(38, 18) not null check (quantity >= 0),
    updated_at  timestamptz     not null,
    primary key (account_id, asset)
);
