-- Personal invitations (email, SMS, link) and the queue the background sender claims them from.
-- next_attempt_at doubles as a lease: a node that claims a row moves it into the future before sending,
-- so a node that dies mid-send leaves the row to be picked up again once the lease runs out.
create table invitation (
    id               uuid         primary key,
    token            varchar(64)  not null unique,
    campaign_id      varchar(64)  not null references campaign (id),
    respondent_id    uuid         references respondent (id),
    channel          varchar(10)  not null,
    journey          varchar(20)  not null,
    status           varchar(12)  not null,
    idempotency_key  varchar(100) unique,
    locale           varchar(35),
    created_at       timestamp with time zone not null,
    send_at          timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    sent_at          timestamp with time zone,
    reminder_at      timestamp with time zone,
    reminded_at      timestamp with time zone,
    next_attempt_at  timestamp with time zone,
    attempts         integer      not null default 0,
    last_error       varchar(500)
);

create index invitation_due on invitation (next_attempt_at);
create index invitation_respondent on invitation (respondent_id, send_at);
create index response_invitation on response (invitation);
