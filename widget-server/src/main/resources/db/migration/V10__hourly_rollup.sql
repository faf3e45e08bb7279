-- Answers counted per campaign, UTC hour (of answered_at) and score, kept in step with `response` in the same
-- transaction as each insert. A summary adds up whole hours here and reads only the partial hours at the
-- edges of its period from `response`, so it costs the same at ten million answers as at ten thousand.
-- Suspect answers (rapid repeat taps) are not counted. Rows of `response` are never deleted; anything that
-- ever deletes them must subtract them here too.
create table response_hourly (
    campaign_id  varchar(64) not null references campaign (id),
    bucket       timestamp with time zone not null,
    score        smallint    not null,
    answers      bigint      not null,
    primary key (campaign_id, bucket, score)
);
