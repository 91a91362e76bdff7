-- The support team (nl.weerbaar.team): confidants, experts and peers, the functions they held, their expertise,
-- languages, capacity, absences and trainings. Contact details are sealed per supporter.
create table supporter (
    id            uuid        primary key,
    version       bigint      not null,
    name          text        not null check (length(name) between 1 and 200),
    kind          text        not null check (kind in ('CONFIDANT', 'EXPERT', 'PEER')),
    organisation  text        check (length(organisation) <= 200),
    province_code text        references body (code),
    capacity      integer     not null check (capacity between 0 and 50),
    active        boolean     not null,
    gender        text        check (gender in ('FEMALE', 'MALE', 'OTHER')),
    party         text        check (length(party) <= 100),
    email         bytea,      -- sealed
    phone         bytea,      -- sealed
    external_id   text        check (length(external_id) <= 100),
    account_id    uuid        unique,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create unique index supporter_external_id_key on supporter (external_id) where external_id is not null;
create index supporter_name_idx on supporter (lower(name));

create table supporter_term (
    supporter_id uuid not null references supporter (id) on delete cascade,
    function     text not null references function_association (function),
    body_code    text not null references body (code),
    start_date   date not null,
    end_date     date,
    check (end_date is null or end_date > start_date)
);
create index supporter_term_supporter_idx on supporter_term (supporter_id);

create table supporter_expertise (
    supporter_id uuid not null references supporter (id) on delete cascade,
    expertise    text not null check (expertise in ('ONLINE_ABUSE', 'SUBVERSION', 'HOME_SECURITY', 'LEGAL',
                     'PSYCHOSOCIAL', 'HOME_FRONT', 'MEDIA', 'POLICE_REPORT', 'DISCRIMINATION', 'AFTERCARE')),
    primary key (supporter_id, expertise)
);

create table supporter_language (
    supporter_id uuid not null references supporter (id) on delete cascade,
    language     text not null check (language ~ '^[a-z]{2,3}$'),
    primary key (supporter_id, language)
);

create table supporter_absence (
    supporter_id uuid not null references supporter (id) on delete cascade,
    from_date    date not null,
    to_date      date not null,
    check (to_date >= from_date)
);

create table supporter_training (
    supporter_id uuid not null references supporter (id) on delete cascade,
    name         text not null check (length(name) between 1 and 200),
    completed_on date not null
);

-- A client account belongs to an office holder or a home-front member.
alter table office_holder add column account_id uuid unique;
alter table home_front_member add column account_id uuid unique;
