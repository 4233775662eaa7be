-- Issue 15: exchange accounts (a user's API key, sealed) and paper accounts, and their balance history.

-- One account per user and exchange ('paper' for the paper account). The key, secret and passphrase are sealed with
-- secrets.SecretBox (AES-256-GCM) with associated data naming this row, its owner and the column, so a value copied
-- to another row or column does not open; secrets_key_id names the service key they were sealed under (rotation).
create table exchange_account (
    id              bigint generated always as identity primary key,
    user_id         bigint       not null references app_user (id) on delete cascade,
    exchange        varchar(16)  not null,
    kind            varchar(8)   not null check (kind in ('EXCHANGE', 'PAPER')),
    key_hint        varchar(8),
    api_key         text,
    api_secret      text,
    passphrase      text,
    secrets_key_id  varchar(16),
    -- CAN_TRADE only for a key the exchange reports able to trade; UNKNOWN where the exchange cannot tell
    permission      varchar(16)  not null default 'READ_ONLY' check (permission in ('READ_ONLY', 'CAN_TRADE', 'UNKNOWN')),
    permission_note text,
    -- INVALID: the exchange rejected the key during a sync (revoked, expired); the owner is told once
    status          varchar(8)   not null default 'ACTIVE' check (status in ('ACTIVE', 'INVALID')),
    invalid_reason  text,
    invalid_since   timestamptz,
    owner_told_at   timestamptz,
    paper_equity    numeric(38, 8),
    last_sync_at    timestamptz,
    last_sync_ok_at timestamptz,
    created_at      timestamptz  not null default now(),
    version         bigint       not null default 0,
    constraint exchange_account_user_exchange_key unique (user_id, exchange),
    constraint exchange_account_paper_check check (
        (kind = 'PAPER' and exchange = 'paper' and paper_equity is not null and api_key is null)
        or (kind = 'EXCHANGE' and exchange <> 'paper'))
);

-- One row per account per sync: equity in USDT of what could be priced, and every holding (priced or dust).
-- A sync that could not reach the exchange writes a stale row with its reason and no equity.
create table balance_snapshot (
    id          bigint generated always as identity primary key,
    account_id  bigint       not null references exchange_account (id) on delete cascade,
    synced_at   timestamptz  not null,
    stale       boolean      not null default false,
    error       text,
    equity_usdt numeric(38, 8),
    -- [{"wallet": "SPOT", "asset": "BTC", "amount": "0.5", "priceUsdt": "64000", "valueUsdt": "32000"}], price null: unpriced
    holdings    jsonb        not null default '[]',
    constraint balance_snapshot_equity_check check (stale or equity_usdt is not null)
);

create index balance_snapshot_account_time_idx on balance_snapshot (account_id, synced_at desc);
