-- Cluster claims: the node that claims a queued run (worker_node) holds it under a lease that it renews while the
-- run trains. A node that dies stops renewing; once the lease has expired, any node puts the run back into the
-- queue and it resumes from its checkpoint. Slot names ("cpu-1") are per node: unique per node, not across the
-- cluster.
alter table run add column lease_until timestamp with time zone;
drop index run_slot;
create unique index run_slot on run (worker_node, slot);
