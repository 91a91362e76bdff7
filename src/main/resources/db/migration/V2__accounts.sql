-- Accounts of everyone who signs in to Weerbaar, and their roles (nl.weerbaar.security).
create table account (
    id                   uuid        primary key,
    version              bigint      not null,
    username             text        not null check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    display_name         text        not null check (length(display_name) between 1 and 200),
    password_hash        text        not null,
    enabled              boolean     not null default true,
    must_change_password boolean     not null default false,
    created_at           timestamptz not null,
    password_changed_at  timestamptz not null
);
create unique index account_username_key on account (username);

create table account_role (
    account_id uuid not null references account (id) on delete cascade,
    role       text not null check (role in ('CLIENT', 'COORDINATOR', 'SUPPORTER', 'PARTNER', 'ANALYST', 'ADMIN')),
    primary key (account_id, role)
);
create index account_role_role_idx on account_role (role);
