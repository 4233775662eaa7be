-- Issue 13, point 10: a Telegram group's anonymous admins write as one shared account
-- (GroupAnonymousBot, user id 1087968824) with sender_chat = the group. They used to be one user across
-- every group; from now on they are one user per group, whose chat identity is the group's id (negative,
-- never a user's). The subscriptions the shared user made in a group move to that group's user, which
-- starts with the shared user's language. The shared user is left as it was (its old buttons expire).
do $$
declare
    shared bigint;
    made_in record;
    per_group bigint;
begin
    select user_id into shared from chat_identity where platform = 'TELEGRAM' and external_id = '1087968824';
    if shared is null then
        return;
    end if;
    for made_in in
        select distinct d.id, d.chat_id
          from subscription s
          join chat_destination d on d.id = s.destination_id
         where s.user_id = shared and d.platform = 'TELEGRAM' and d.is_group
    loop
        per_group := null;
        select user_id into per_group from chat_identity where platform = 'TELEGRAM' and external_id = made_in.chat_id;
        if per_group is null then
            insert into app_user (language) select language from app_user where id = shared returning id into per_group;
            insert into chat_identity (user_id, platform, external_id) values (per_group, 'TELEGRAM', made_in.chat_id);
        end if;
        update subscription set user_id = per_group where user_id = shared and destination_id = made_in.id;
    end loop;
end $$;
