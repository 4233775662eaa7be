-- One row per running instance (ops.instances.InstanceHeartbeat): written at start, beaten every 15 s, removed on a
-- graceful shutdown; a row whose last beat is over 60 s old is a dead instance (kept a day for the dashboard).
-- id is the instance's run id, also the client_id of the chat connection lock it holds (int_lock).
create table instance_heartbeat (
    id          uuid         primary key,
    instance_id varchar(128) not null,
    host        varchar(255) not null,
    pid         bigint       not null,
    started_at  timestamptz  not null,
    last_beat   timestamptz  not null
);
