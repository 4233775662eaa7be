-- /notify knows every event type a notification kind names (notifications.EventTypes): risk alerts, validation
-- notices and rebalancing join the list. Validation notices were sent as "alerts" before; a chat that chose a mode
-- for alerts keeps it for validation notices.
alter table notification_preference drop constraint notification_preference_event_type_check;
alter table notification_preference add constraint notification_preference_event_type_check
    check (event_type in ('signals', 'outcomes', 'alerts', 'stops', 'risk', 'reports', 'validation', 'rebalancing', 'news'));

insert into notification_preference (destination_id, event_type, mode)
select destination_id, 'validation', mode from notification_preference where event_type = 'alerts'
on conflict (destination_id, event_type) do nothing;
