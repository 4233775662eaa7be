-- Issue 21, point 1: a job may record what its run did in words, beside the count (ops.archive-old-data: the rows
-- removed per table, e.g. "bot-actions 480000 in 96 batches; llm-raw-answers cleared 310").
alter table job_run add column summary varchar(2000);
