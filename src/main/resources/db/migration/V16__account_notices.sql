-- A person's own address for notices about their account's security (sealed under the key-encryption key), and
-- the browsers each account has signed in from, known by the SHA-256 of a random cookie.
alter table account add column notification_email bytea;

create table account_known_browser (
    account_id    uuid        not null references account (id) on delete cascade,
    browser_hash  bytea       not null,
    first_seen_at timestamptz not null,
    last_seen_at  timestamptz not null,
    primary key (account_id, browser_hash)
);
