-- People who use the admin UI. Passwords are PBKDF2 hashes in one self-describing string
-- ("pbkdf2-sha256$iterations$salt$hash"), so the work factor can be raised without a migration.
create table admin_user (
    id             uuid         primary key,
    email          varchar(320) not null unique,
    password_hash  varchar(300) not null,
    role           varchar(10)  not null,
    time_zone      varchar(64),
    created_at     timestamp with time zone not null
);

-- Sessions live in the database so every node behind a load balancer knows them. Only a hash of the cookie
-- value is kept: a leaked table does not log anyone in.
create table admin_session (
    token_hash  varchar(64) primary key,
    user_id     uuid        not null references admin_user (id) on delete cascade,
    csrf_token  varchar(64) not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);

create index admin_session_expiry on admin_session (expires_at);

-- Read-only dashboard links. The token itself is shown once; only its hash is stored.
create table share_link (
    id          uuid        primary key,
    token_hash  varchar(64) not null unique,
    campaign_id varchar(64) not null references campaign (id),
    created_at  timestamp with time zone not null,
    revoked_at  timestamp with time zone
);

create table alert_rule (
    id           uuid         primary key,
    campaign_id  varchar(64)  not null references campaign (id),
    score_from   smallint     not null check (score_from between 0 and 10),
    score_to     smallint     not null check (score_to between 0 and 10),
    email        varchar(320),
    webhook_url  varchar(2000),
    format       varchar(10)  not null,
    secret       varchar(100) not null,
    created_at   timestamp with time zone not null
);

create index alert_rule_campaign on alert_rule (campaign_id);

-- The alert outbox: one row per (rule, response), written in the same transaction as the response, claimed by
-- one node at a time with "for update skip locked". Erasing a response erases its pending alerts too.
create table alert_delivery (
    id               uuid         primary key,
    rule_id          uuid         not null references alert_rule (id) on delete cascade,
    response_id      uuid         not null references response (id) on delete cascade,
    status           varchar(10)  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamp with time zone not null,
    last_error       varchar(500),
    created_at       timestamp with time zone not null,
    delivered_at     timestamp with time zone,
    constraint alert_delivery_once unique (rule_id, response_id)
);

create index alert_delivery_due on alert_delivery (status, next_attempt_at);
