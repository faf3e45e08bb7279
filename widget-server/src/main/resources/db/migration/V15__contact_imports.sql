-- A contact-import row without an external id finds its respondent by e-mail address.
create index respondent_email on respondent (email);

-- The history of contact imports shown on the admin page; a running import's live progress is kept in memory by
-- the node that runs it, and this row holds the outcome for every node.
create table contact_import (
    id           uuid         primary key,
    file_name    varchar(255) not null,
    imported_by  varchar(320) not null,
    started_at   timestamp with time zone not null,
    finished_at  timestamp with time zone,
    status       varchar(20)  not null,
    rows_read    integer      not null default 0,
    created      integer      not null default 0,
    updated      integer      not null default 0,
    unchanged    integer      not null default 0,
    skipped      integer      not null default 0,
    message      varchar(500)
);
create index contact_import_started on contact_import (started_at);
