-- What a chat button means, stored under a short id (Telegram's callback_data holds 64 bytes): the
-- command it belongs to, its payload, the one user it was shown to, and until when it works.
create table chat_button (
    id         varchar(16)  primary key,
    user_id    bigint       not null references app_user (id) on delete cascade,
    command    varchar(32)  not null,
    payload    varchar(256) not null,
    expires_at timestamptz  not null,
    created_at timestamptz  not null default now()
);

create index chat_button_expires_idx on chat_button (expires_at);
