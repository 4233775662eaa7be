-- Issue 17, point 4: one user on both platforms. /link in a private chat gives a one-time code; /link <code> sent to the
-- bot on the other platform moves that account's identity to the code's user (the maker's user is kept).

-- The user an identity belonged to before /link moved it (null: it was never moved); /unlink gives it back.
alter table chat_identity add column original_user_id bigint references app_user (id) on delete set null;

-- One live code per user (a new /link replaces it). Only a SHA-256 of the code is stored. used_at is set once, by the
-- redemption that links (compare-and-set: "where used_at is null"), so a code links at most once.
create table link_code (
    user_id    bigint      primary key references app_user (id) on delete cascade,
    code_hash  varchar(64) not null,
    platform   varchar(16) not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    constraint link_code_hash_key unique (code_hash)
);
