-- Short QR links: /q/{code} stands for a campaign link whose full URL would make the printed code dense.
-- The code is a hash of campaign + location (see qr/ShortCode), so it is stored when first handed out.
create table qr_link (
    code         varchar(16)  primary key,
    campaign_id  varchar(64)  not null references campaign (id),
    location     varchar(500),
    created_at   timestamp with time zone not null
);
