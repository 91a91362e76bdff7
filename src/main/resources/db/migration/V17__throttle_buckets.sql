-- The throttles' token buckets, shared by every node (nl.weerbaar.platform.Throttles, Bucket4j's PostgreSQL back end).
-- A bucket's id is a keyed hash of what it counts (a username, an address), never the username or address itself.
create table throttle_bucket (
    id         varchar(64) primary key,
    state      bytea,
    -- milliseconds since the epoch after which the bucket is full again and may go (removed by a ShedLock job)
    expires_at bigint
);
create index throttle_bucket_expires_at on throttle_bucket (expires_at);

create table throttle_secret (
    id  int   primary key check (id = 1),
    key bytea not null
);
insert into throttle_secret (id, key) values (1, uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()));
