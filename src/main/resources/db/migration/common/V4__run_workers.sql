-- Each run trains in a worker process of its own: which node started it and the process's pid (the run page shows
-- both), and the nodes that died while it trained, so that a run that brings nodes down is not started forever.
alter table run add column worker_node varchar(255);
alter table run add column worker_pid bigint;
alter table run add column node_losses int default 0 not null;
alter table run add column node_loss_history varchar(4000);
