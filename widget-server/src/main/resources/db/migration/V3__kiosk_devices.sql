-- Registered kiosk devices (a tablet on a stand, a touch PC running the kiosk runtime). The token that a device
-- presents is stored hashed, like API keys; the answers a device sends carry its id in response.device and the
-- location stored here, never what the client claims.
create table kiosk_device (
    id           uuid         primary key,
    name         varchar(200) not null,
    location     varchar(200),
    campaign_id  varchar(64)  not null references campaign (id),
    token_hash   varchar(64)  not null unique,
    created_at   timestamp with time zone not null,
    last_seen    timestamp with time zone,
    last_sync    timestamp with time zone,
    queue_depth  integer      not null default 0,
    version      varchar(100)
);

create index kiosk_device_campaign on kiosk_device (campaign_id);

-- The anti-repeat check looks for an earlier tap of the same device close in time.
create index response_device_answered on response (device, answered_at);

-- The summary counts suspect answers separately; they are few, and this finds them without a scan.
create index response_campaign_suspect on response (campaign_id, suspect, answered_at);
