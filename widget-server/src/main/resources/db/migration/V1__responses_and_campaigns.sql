-- Campaigns keep their texts, theme and embedding rules as one JSON document: they are read whole and
-- changed whole, while the columns beside it are the ones queries filter on.
create table campaign (
    id          varchar(64)  primary key,
    name        varchar(200) not null,
    type        varchar(10)  not null,
    journey     varchar(20)  not null,
    status      varchar(10)  not null,
    definition  text         not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);

create table respondent (
    id           uuid         primary key,
    external_id  varchar(200) not null unique,
    email        varchar(320),
    phone        varchar(40),
    name         varchar(200),
    company      varchar(200),
    attributes   text,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);

-- The category is never stored: it is derived from the score wherever it is needed.
create table response (
    id               uuid         primary key,
    campaign_id      varchar(64)  not null references campaign (id),
    score            smallint     not null check (score between 0 and 10),
    comment          text,
    channel          varchar(10)  not null,
    locale           varchar(35),
    location         varchar(200),
    device           varchar(100),
    respondent_id    uuid         references respondent (id),
    invitation       varchar(100),
    page_url         varchar(2000),
    idempotency_key  varchar(100) not null,
    suspect          boolean      not null default false,
    answered_at      timestamp with time zone not null,
    received_at      timestamp with time zone not null,
    comment_at       timestamp with time zone,
    constraint response_idempotency unique (campaign_id, idempotency_key)
);

create index response_campaign_answered on response (campaign_id, answered_at);

create table api_key (
    id          uuid        primary key,
    name        varchar(100) not null,
    key_hash    varchar(64) not null unique,
    created_at  timestamp with time zone not null
);

-- Secrets shared by every node of a cluster (e.g. the key that signs edit tokens).
create table server_secret (
    name   varchar(50)  primary key,
    secret varchar(200) not null
);
