-- Issue 13, point 11: a subscription's number (#n) in its chat is stable. It is given once, at creation (one more
-- than the highest number the chat ever gave, cancelled subscriptions included, so a number is never reused), and
-- every command that shows or takes #n uses it. Before, #n was a position in the list and shifted when one was removed.
alter table subscription add column chat_number integer;

-- Existing rows keep the numbers chats see today: live subscriptions 1, 2, ... oldest first (the list's order), then
-- the cancelled ones after them. A subscription without a chat (made before chats had destinations) is numbered
-- among its user's.
update subscription s set chat_number = numbered.n
  from (select id, row_number() over (partition by coalesce(destination_id, -user_id)
                                      order by (status = 'CANCELLED'), id) as n
          from subscription) numbered
 where numbered.id = s.id;

alter table subscription alter column chat_number set not null;
create unique index subscription_chat_number_key on subscription (coalesce(destination_id, -user_id), chat_number);

-- The next number of a new subscription's chat; the advisory lock (per chat, until the transaction ends) keeps two
-- subscriptions made at the same moment in one chat from taking the same number.
create function subscription_next_chat_number() returns trigger language plpgsql as $$
begin
    if new.chat_number is null then
        perform pg_advisory_xact_lock(hashtext('subscription.chat_number'), hashtext(coalesce(new.destination_id, -new.user_id)::text));
        select coalesce(max(chat_number), 0) + 1 into new.chat_number
          from subscription where coalesce(destination_id, -user_id) = coalesce(new.destination_id, -new.user_id);
    end if;
    return new;
end;
$$;

create trigger subscription_chat_number before insert on subscription
    for each row execute function subscription_next_chat_number();
