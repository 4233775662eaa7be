-- The LLM analyst: who really proposed an analysis, claims that keep a slow analysis out of a
-- transaction, and the record of every model call (the audit trail and the daily token budget).

-- An analysis keyed to the 'llm' analyst may hold the technical analyst's fallback proposal: the key
-- columns say who was asked, these say who answered. Versions name provider, model and prompt.
alter table analysis
    alter column analyst_version type varchar(128),
    add column proposed_by         varchar(32),
    add column proposed_by_version varchar(128);
update analysis set proposed_by = analyst, proposed_by_version = analyst_version;
alter table analysis
    alter column proposed_by set not null,
    alter column proposed_by_version set not null;

alter table signal alter column analyst_version type varchar(128);

-- One computer per analysis key at a time, across instances, without a transaction held open while a
-- model answers. A claim past its lease (a crashed instance) may be taken over.
create table analysis_claim (
    analysis_key  text         primary key,
    claimed_by    varchar(64)  not null,
    claimed_until timestamptz  not null
);

-- Every request sent to a model, reserved before it is sent (so the budget and the per-minute limit
-- hold across instances) and completed with what came back.
create table llm_call (
    id               bigint generated always as identity primary key,
    provider         varchar(16)  not null,
    model            varchar(128) not null,
    prompt_version   varchar(32)  not null,
    input_hash       char(64)     not null,
    analysis_key     text         not null,
    estimated_tokens integer      not null check (estimated_tokens >= 0),
    started_at       timestamptz  not null default now(),
    finished_at      timestamptz,
    latency_ms       integer,
    tokens_in        integer,
    tokens_out       integer,
    outcome          varchar(16)  not null default 'PENDING'
        check (outcome in ('PENDING', 'ANSWERED', 'INVALID', 'TIMEOUT', 'RATE_LIMITED', 'PROVIDER_ERROR')),
    reason           text,
    raw_response     text
);

create index llm_call_started_idx on llm_call (started_at);

-- A bot that asks the LLM analyst (which falls back to the technical one when no model is configured).
insert into bot_template (code, name, bot_type, default_timeframes, analyst)
values ('futures-signals-ai', 'Futures Signals AI', 'SIGNALS_FUTURES', '{30m,1h,4h}', 'llm');
