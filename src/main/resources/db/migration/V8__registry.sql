-- Registry (nl.weerbaar.registry): office holders with their terms, and their home front. Contact details and
-- everything about the home front are sealed per person (nl.weerbaar.privacy); names of office holders are public
-- facts and stay searchable.
create table association (
    code text primary key,
    name text not null
);
insert into association (code, name) values
    ('NGB', 'Nederlands Genootschap van Burgemeesters'),
    ('WHV', 'Wethoudersvereniging'),
    ('NVVR', 'Nederlandse Vereniging voor Raadsleden'),
    ('IPO', 'Interprovinciaal Overleg'),
    ('UVW', 'Unie van Waterschappen');

-- Which association a function belongs to (editable reference data: the confidants come from it).
create table function_association (
    function         text primary key check (function in ('MAYOR', 'ALDERMAN', 'COUNCIL_MEMBER',
                         'PROVINCIAL_COUNCIL_MEMBER', 'PROVINCIAL_EXECUTIVE', 'KINGS_COMMISSIONER', 'WATER_BOARD_MEMBER')),
    association_code text not null references association (code)
);
insert into function_association (function, association_code) values
    ('MAYOR', 'NGB'), ('ALDERMAN', 'WHV'), ('COUNCIL_MEMBER', 'NVVR'), ('PROVINCIAL_COUNCIL_MEMBER', 'IPO'),
    ('PROVINCIAL_EXECUTIVE', 'IPO'), ('KINGS_COMMISSIONER', 'IPO'), ('WATER_BOARD_MEMBER', 'UVW');

create table office_holder (
    id          uuid        primary key,
    version     bigint      not null,
    name        text        not null check (length(name) between 1 and 200),
    party       text        check (length(party) <= 100),
    email       bytea,      -- sealed
    phone       bytea,      -- sealed
    external_id text        check (length(external_id) <= 100),
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create unique index office_holder_external_id_key on office_holder (external_id) where external_id is not null;
create index office_holder_name_idx on office_holder (lower(name));

create table office_term (
    office_holder_id uuid not null references office_holder (id) on delete cascade,
    function         text not null references function_association (function),
    body_code        text not null references body (code),
    start_date       date not null,
    end_date         date,
    check (end_date is null or end_date > start_date)
);
create index office_term_holder_idx on office_term (office_holder_id);
create index office_term_body_idx on office_term (body_code, function);

create table home_front_member (
    id               uuid        primary key,
    office_holder_id uuid        not null references office_holder (id) on delete cascade,
    relation         text        not null check (relation in ('PARTNER', 'CHILD', 'OTHER_HOUSEHOLD')),
    age_band         text        check (age_band in ('AGE_0_3', 'AGE_4_11', 'AGE_12_17', 'AGE_18_PLUS')),
    name             bytea,      -- sealed
    email            bytea,      -- sealed
    phone            bytea,      -- sealed
    created_at       timestamptz not null,
    check ((relation = 'CHILD') = (age_band is not null))
);
create index home_front_member_holder_idx on home_front_member (office_holder_id);
