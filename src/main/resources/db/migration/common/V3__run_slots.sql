-- The device slot a running run holds ("cpu-1", "cuda:0"). The unique index is the last word on the queue:
-- whatever the threads or processes do, no two runs can hold the same slot.
alter table run add column slot varchar(32);
create unique index run_slot on run (slot);
create index run_queue on run (status, queued_at);
