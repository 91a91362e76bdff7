-- One row: whether this database holds demo data or live data (see nl.weerbaar.platform.Installation).
create table installation (
    id         smallint primary key check (id = 1),
    mode       text        not null check (mode in ('DEMO', 'LIVE')),
    created_at timestamptz not null default now()
);
