-- BertLab's own tables. Hyperparameters and metrics are JSON text: the engine's records are the schema.

create table app_user (
    id            bigint auto_increment primary key,
    username      varchar(64)  not null unique,
    password_hash varchar(100) not null,
    role          varchar(16)  not null,
    created_at    timestamp    not null
);

create table api_token (
    id          bigint auto_increment primary key,
    name        varchar(100) not null,
    token_hash  varchar(64)  not null unique,
    owner       varchar(64)  not null,
    created_at  timestamp    not null,
    last_used   timestamp,
    revoked     boolean      not null default false
);

create table experiment (
    id                bigint auto_increment primary key,
    name              varchar(100) not null,
    dataset           varchar(64)  not null,
    base_model        varchar(300) not null,
    hyperparameters   clob         not null,
    subset_train      int,
    subset_validation int,
    subset_test       int,
    device            varchar(16)  not null default 'auto',
    tags              varchar(500) not null default '',
    notes             clob,
    parent_id         bigint references experiment (id),
    change_note       clob,
    stage             varchar(16)  not null default 'INITIAL',
    created_by        varchar(64)  not null,
    created_at        timestamp    not null,
    updated_at        timestamp    not null
);
create index experiment_parent on experiment (parent_id);

create table sweep (
    id            bigint auto_increment primary key,
    name          varchar(100) not null,
    experiment_id bigint       not null references experiment (id),
    strategy      varchar(16)  not null,
    space         clob         not null,
    budget        int          not null,
    metric        varchar(32)  not null,
    seed          bigint       not null,
    created_by    varchar(64)  not null,
    created_at    timestamp    not null
);

create table run (
    id                  bigint auto_increment primary key,
    experiment_id       bigint       not null references experiment (id),
    sweep_id            bigint references sweep (id),
    hyperparameters     clob         not null,
    status              varchar(16)  not null,
    reason              clob,
    device              varchar(32),
    scheduled_for       timestamp,
    queued_at           timestamp    not null,
    started_at          timestamp,
    finished_at         timestamp,
    step                int          not null default 0,
    total_steps         int          not null default 0,
    epoch               int          not null default 0,
    epochs              int          not null default 0,
    eta_seconds         double,
    run_directory       varchar(500),
    dataset_fingerprint varchar(64),
    validation_metrics  clob,
    test_metrics        clob,
    attempts            int          not null default 0,
    cancel_requested    boolean      not null default false,
    created_by          varchar(64)  not null
);
create index run_experiment on run (experiment_id);
create index run_status on run (status);

create table schedule (
    id              bigint auto_increment primary key,
    experiment_id   bigint       not null references experiment (id),
    sweep_id        bigint references sweep (id),
    cron            varchar(120),
    run_at          timestamp,
    description     varchar(200) not null,
    enabled         boolean      not null default true,
    created_by      varchar(64)  not null,
    created_at      timestamp    not null
);

create table app_setting (
    setting_name  varchar(64) primary key,
    setting_value clob
);
