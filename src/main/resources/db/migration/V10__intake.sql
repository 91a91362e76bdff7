-- Intake (nl.weerbaar.intake): support requests, their incidents, triage, status history and messages. Every free
-- text is sealed under the request's own data key (nl.weerbaar.privacy), so one request can be shredded on its own.
-- Categories (kind, channel, level, function, body) stay in the clear for the queue and for anonymised figures.
create sequence support_request_number;

create table support_request (
    id                     uuid        primary key,
    reference              text        not null unique,
    version                bigint      not null,
    status                 text        not null check (status in ('NEW', 'TRIAGED', 'MATCHING', 'ASSIGNED', 'ACTIVE', 'CLOSED', 'WITHDRAWN')),
    channel                text        not null check (channel in ('PHONE', 'WEB', 'EMAIL', 'ON_BEHALF', 'PUBLIC_FORM')),
    requested_by           text        not null check (requested_by in ('SELF', 'COORDINATOR', 'ON_BEHALF')),
    on_behalf_role         text        check (on_behalf_role in ('GRIFFIER', 'MUNICIPAL_SECRETARY', 'MAYOR', 'OTHER')),
    on_behalf_name         bytea,      -- sealed
    on_behalf_description  bytea,      -- sealed
    subject_id             uuid,       -- the office holder or home-front member; null while pseudonymous
    home_front             boolean     not null default false,
    office_holder_id       uuid,       -- the office holder concerned (for a home-front member: theirs)
    pseudonym              bytea,      -- sealed
    requester_contact      bytea,      -- sealed (public form)
    requester_name         bytea,      -- sealed (public form)
    function               text        check (function in ('MAYOR', 'ALDERMAN', 'COUNCIL_MEMBER', 'PROVINCIAL_COUNCIL_MEMBER',
                                           'PROVINCIAL_EXECUTIVE', 'KINGS_COMMISSIONER', 'WATER_BOARD_MEMBER')),
    body_code              text,
    body_name              text,
    province_codes         text[]      not null default '{}',
    summary                bytea       not null, -- sealed
    wish_not_same_party    boolean     not null default false,
    wish_supporter_gender  text        check (wish_supporter_gender in ('FEMALE', 'MALE', 'OTHER')),
    wish_language          text        check (wish_language ~ '^[a-z]{2,3}$'),
    wish_contact_via       text        check (wish_contact_via in ('PHONE', 'EMAIL', 'VIDEO', 'IN_PERSON')),
    wish_note              bytea,      -- sealed
    concern_level          text        check (concern_level in ('LOW', 'MODERATE', 'HIGH', 'ACUTE')),
    suggested_level        text        check (suggested_level in ('LOW', 'MODERATE', 'HIGH', 'ACUTE')),
    triaged_at             timestamptz,
    triaged_by             uuid,
    acute_actions          bytea,      -- sealed
    acute_actions_at       timestamptz,
    acute_actions_by       uuid,
    due_at                 timestamptz not null,
    first_contact_at       timestamptz,
    receipt_hash           text        unique, -- Argon2id of the receipt code (public form only)
    created_at             timestamptz not null,
    created_by             uuid,       -- the account; null for the public form
    updated_at             timestamptz not null,
    check ((concern_level is null) = (triaged_at is null))
);
create index support_request_open_due_idx on support_request (due_at) where status not in ('CLOSED', 'WITHDRAWN');
create index support_request_office_holder_idx on support_request (office_holder_id);
create index support_request_created_by_idx on support_request (created_by);
create index support_request_subject_idx on support_request (subject_id);

create table incident (
    id                  uuid        primary key,
    request_id          uuid        not null references support_request (id) on delete cascade,
    occurred_on         date        not null,
    occurred_at         time,
    kind                text        not null check (kind in ('VERBAL_THREAT', 'WRITTEN_THREAT', 'ONLINE_ABUSE', 'DOXXING',
                            'INTIMIDATION_AT_HOME', 'STALKING', 'PHYSICAL_VIOLENCE', 'DAMAGE_TO_PROPERTY', 'SUBVERSION_APPROACH',
                            'DISCRIMINATION', 'OTHER')),
    channel             text        not null check (channel in ('IN_PERSON', 'AT_HOME', 'SOCIAL_MEDIA', 'EMAIL', 'PHONE', 'LETTER',
                            'MEETING', 'OTHER')),
    perpetrator         text        not null check (perpetrator in ('UNKNOWN', 'KNOWN_PERSON', 'GROUP', 'ORGANISED_CRIME_SUSPECTED')),
    police_report       text        not null check (police_report in ('NONE', 'REPORTED', 'POLICE_REPORT_FILED', 'UNKNOWN')),
    home_front_involved boolean     not null,
    description         bytea,      -- sealed
    recorded_at         timestamptz not null,
    recorded_by         uuid
);
create index incident_request_idx on incident (request_id);

create table warning_behaviour_answer (
    request_id uuid not null references support_request (id) on delete cascade,
    behaviour  text not null check (behaviour in ('PATHWAY', 'FIXATION', 'IDENTIFICATION', 'NOVEL_AGGRESSION', 'ENERGY_BURST',
                   'LEAKAGE', 'DIRECTLY_COMMUNICATED_THREAT', 'LAST_RESORT')),
    answer     text not null check (answer in ('YES', 'NO', 'UNKNOWN')),
    evidence   bytea, -- sealed
    primary key (request_id, behaviour)
);

-- Every status change, with who, when and why (sealed): the request's history.
create table request_status_change (
    id          bigserial   primary key,
    request_id  uuid        not null references support_request (id) on delete cascade,
    from_status text,
    to_status   text        not null,
    reason      bytea,      -- sealed
    actor_id    uuid,
    actor_role  text,
    changed_at  timestamptz not null
);
create index request_status_change_request_idx on request_status_change (request_id, id);

create table request_message (
    id         uuid        primary key,
    request_id uuid        not null references support_request (id) on delete cascade,
    author     text        not null check (author in ('COORDINATOR', 'REQUESTER')),
    author_id  uuid,
    body       bytea       not null, -- sealed
    sent_at    timestamptz not null
);
create index request_message_request_idx on request_message (request_id, sent_at);

-- Per-installation secrets of the public route: the salt of receipt-code hashes (so that a code can be found by its
-- hash) and the key that signs the public form's timing token.
create table intake_secret (
    id           int   primary key check (id = 1),
    receipt_salt bytea not null,
    form_key     bytea not null
);
insert into intake_secret (id, receipt_salt, form_key)
values (1, uuid_send(gen_random_uuid()), uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()));
