-- Waves: one campaign sent to a selection of respondents at a limited rate. The throttle is nothing but the
-- staggered send_at of the wave's invitations, so the existing sender delivers them and several nodes together
-- never go faster than the wave's rate.
create table wave (
    id               uuid         primary key,
    campaign_id      varchar(64)  not null references campaign (id),
    channel          varchar(10)  not null,
    name             varchar(200) not null,
    selection        text         not null,
    rate_per_hour    integer      not null,
    start_at         timestamp with time zone not null,
    status           varchar(12)  not null,
    -- While PLANNING: the node planning it holds it until then; a wave left past it by a node that stopped
    -- mid-way is taken up again (see WaveService.resume).
    planning_until   timestamp with time zone,
    idempotency_key  varchar(100) unique,
    created_by       varchar(320),
    created_at       timestamp with time zone not null
);

create index wave_created on wave (created_at);

alter table invitation add column wave_id uuid references wave (id);
-- The first time the personal page /r/{token} was opened: the only "opened" there is (no tracking pixels).
alter table invitation add column opened_at timestamp with time zone;
create index invitation_wave on invitation (wave_id);

-- Whom a wave left out and why; erasing a respondent erases these rows too.
create table wave_skip (
    wave_id          uuid         not null references wave (id),
    respondent_id    uuid         not null references respondent (id) on delete cascade,
    reason           varchar(20)  not null,
    detail           varchar(300),
    next_allowed_at  timestamp with time zone,
    primary key (wave_id, respondent_id)
);
