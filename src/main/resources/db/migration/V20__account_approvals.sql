-- Two administrators for an account takeover (ASVS V2.3.5, V6.4.4): a factor reset, a set-up link for someone else and
-- granting the administrator role are requested by one administrator and carried out only when another approves.
-- A request is pending while decided_at is null and expires_at is in the future; it is never removed.
create table account_approval (
    id           uuid        primary key,
    account_id   uuid        not null references account (id),
    action       text        not null check (action in ('FACTOR_RESET', 'SETUP_LINK', 'GRANT_ADMIN')),
    requested_by uuid        not null references account (id),
    requested_at timestamptz not null,
    expires_at   timestamptz not null,
    decided_by   uuid        references account (id),
    decided_at   timestamptz,
    outcome      text        check (outcome in ('APPROVED', 'REJECTED')),
    check ((decided_at is null) = (outcome is null)),
    check (decided_by is null or decided_by <> requested_by)
);
create index account_approval_pending_idx on account_approval (expires_at) where decided_at is null;
create index account_approval_account_idx on account_approval (account_id, requested_at);
