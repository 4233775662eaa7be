-- A Discord webhook as a destination: its id in chat_id, its token encrypted (secrets.SecretBox).
alter table chat_destination drop constraint chat_destination_platform_check;
alter table chat_destination add constraint chat_destination_platform_check
    check (platform in ('TELEGRAM', 'DISCORD', 'LOCAL', 'DISCORD_WEBHOOK'));
alter table chat_destination add column secret text;

-- Where a subscription's messages go when not to the chat that owns it (a webhook chosen with /channel).
alter table subscription add column deliver_to_id bigint references chat_destination (id);
create index subscription_deliver_to_idx on subscription (deliver_to_id) where deliver_to_id is not null;
