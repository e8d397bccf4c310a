-- The nodes that share this database: each announces itself and its device slots at start and keeps a heartbeat
-- while it lives (the Workers page lists them).
create table node (
    name          varchar(255)             primary key,
    host          varchar(255)             not null,
    pid           bigint                   not null,
    slots         varchar(2000)            not null,
    started_at    timestamp with time zone not null,
    heartbeat_at  timestamp with time zone not null,
    stopped_at    timestamp with time zone
);
