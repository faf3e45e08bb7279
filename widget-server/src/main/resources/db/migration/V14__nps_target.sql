-- One NPS target per campaign. It lives in its own table rather than in the campaign's JSON definition: the
-- definition is replaced whole by PUT /api/v1/campaigns/{id}, and a client that edits texts must not drop a
-- target it never knew about. A target is also a dated decision by a person, with the baseline measured at
-- that moment, which a campaign's settings are not.
-- The path to the target runs from baseline_nps on baseline_date (the day it was set) to target_nps on
-- target_date; baseline_nps is null when nobody answered in the 90 days before it was set.
create table nps_target (
    campaign_id   varchar(64)  primary key references campaign (id),
    target_nps    integer      not null check (target_nps between -100 and 100),
    target_date   date         not null,
    time_zone     varchar(64)  not null,
    baseline_nps  double precision check (baseline_nps between -100 and 100),
    baseline_n    bigint       not null,
    baseline_date date         not null,
    set_by        varchar(320) not null,
    set_at        timestamp with time zone not null,
    check (target_date > baseline_date)
);
