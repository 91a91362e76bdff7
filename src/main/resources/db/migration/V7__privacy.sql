-- Privacy (nl.weerbaar.privacy). The keyring lives in a schema of its own so that it can be backed up apart from
-- the data and kept for a short time only: a data key destroyed today is then gone from every keyring backup soon,
-- while data backups hold ciphertext only.
create schema keyring;

create table keyring.data_key (
    subject_id   uuid        primary key,
    wrapped      bytea,                -- the person's data key, wrapped by the key-encryption key; null once destroyed
    kek_key_id   bigint,               -- which key of the key-encryption keyset wrapped it
    created_at   timestamptz not null,
    rewrapped_at timestamptz,
    shredded_at  timestamptz,
    check ((wrapped is null) = (shredded_at is not null))
);
create index data_key_kek_idx on keyring.data_key (kek_key_id) where wrapped is not null;

-- What is known about each person for retention: when their data is due to be shredded, and whether a legal hold
-- keeps it. The retention job shreds those due without a hold.
create table data_subject (
    id                uuid        primary key,
    retention_kind    text        check (retention_kind in ('CLOSED_CASE', 'UNCONFIRMED_PUBLIC_REQUEST')),
    retain_until      timestamptz,
    legal_hold        boolean     not null default false,
    legal_hold_reason text,
    shredded_at       timestamptz,
    check (not legal_hold or legal_hold_reason is not null)
);
create index data_subject_due_idx on data_subject (retain_until) where shredded_at is null and not legal_hold;

-- Erasure on request (AVG art. 17) takes two people: one asks, another approves. The reason is coded: no free text
-- about a person outlives their erasure.
create table erasure_request (
    id           uuid        primary key,
    subject_id   uuid        not null,
    reason       text        not null check (reason in ('SUBJECT_REQUEST', 'CONSENT_WITHDRAWN', 'NO_LONGER_NEEDED', 'UNLAWFUL_PROCESSING')),
    requested_by uuid        not null,
    requested_at timestamptz not null,
    status       text        not null check (status in ('REQUESTED', 'APPROVED', 'REJECTED')),
    decided_by   uuid,
    decided_at   timestamptz,
    check ((status = 'REQUESTED') = (decided_by is null)),
    check (decided_by is null or decided_by <> requested_by)
);
create unique index erasure_request_open_idx on erasure_request (subject_id) where status = 'REQUESTED';
