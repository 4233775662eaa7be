-- One row per scheduled job run on the instance that held its lock (see ops.ScheduledJobs).
create table job_run (
    id              bigint generated always as identity primary key,
    job_name        varchar(64)  not null,
    instance_id     varchar(128) not null,
    started_at      timestamptz  not null,
    finished_at     timestamptz,
    outcome         varchar(16)  not null check (outcome in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    items_processed integer,
    error           varchar(2000),
    constraint job_run_finished_when_done check ((outcome = 'RUNNING') = (finished_at is null))
);

-- Last runs of a job (/status, the dashboard) and the retention prune.
create index job_run_job_started_idx on job_run (job_name, started_at desc);
create index job_run_started_idx on job_run (started_at);
