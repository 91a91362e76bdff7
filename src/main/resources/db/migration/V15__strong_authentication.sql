-- Strong authentication (nl.weerbaar.security): second factors, recovery codes, personal access tokens and set-up links.

-- An integration account (a partner's system) never signs in with a password: it calls the API with tokens only.
-- Once an account had a second factor it keeps needing one, also after an administrator reset its factors.
alter table account add column integration boolean not null default false;
alter table account add column second_factor_required boolean not null default false;

-- TOTP (RFC 6238): the shared secret sealed under the key-encryption key; each time step is accepted once.
create table account_totp (
    account_id   uuid        primary key references account (id) on delete cascade,
    secret       bytea       not null,
    last_step    bigint      not null default 0,
    confirmed    boolean     not null default false,
    created_at   timestamptz not null
);

-- Passkeys (WebAuthn): the attested credential data (credential id and public key) as the authenticator gave it.
create table account_passkey (
    id              uuid        primary key,
    account_id      uuid        not null references account (id) on delete cascade,
    credential_id   bytea       not null,
    credential      bytea       not null,
    sign_count      bigint      not null,
    uv_initialized  boolean     not null,
    backup_eligible boolean     not null,
    backup_state    boolean     not null,
    label           text        not null check (length(label) between 1 and 100),
    created_at      timestamptz not null,
    last_used_at    timestamptz
);
create unique index account_passkey_credential_key on account_passkey (credential_id);
create index account_passkey_account_idx on account_passkey (account_id);

-- Recovery codes: 80 random bits each, kept as SHA-256 only; a used code stays, marked, until new ones are made.
create table account_recovery_code (
    code_hash  bytea       primary key,
    account_id uuid        not null references account (id) on delete cascade,
    used_at    timestamptz
);
create index account_recovery_code_account_idx on account_recovery_code (account_id);

-- Personal access tokens for the API: 256 random bits shown once, kept as SHA-256; limited to some of the roles.
create table access_token (
    id           uuid        primary key,
    account_id   uuid        not null references account (id) on delete cascade,
    name         text        not null check (length(name) between 1 and 100),
    token_hash   bytea       not null,
    roles        text[]      not null,
    created_at   timestamptz not null,
    created_by   uuid        not null,
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create unique index access_token_hash_key on access_token (token_hash);
create index access_token_account_idx on access_token (account_id);

-- One-time set-up links an administrator issues (a first password or a reset): 24 hours, single use.
create table setup_link (
    token_hash bytea       primary key,
    account_id uuid        not null references account (id) on delete cascade,
    created_by uuid        not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index setup_link_account_idx on setup_link (account_id);
