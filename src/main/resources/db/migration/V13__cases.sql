-- Cases (nl.weerbaar.cases): the support given once a supporter has accepted a request. Every free text is sealed under
-- the request's own data key, so erasing the request shreds its case too.
create table support_case (
    id                 uuid        primary key,
    request_id         uuid        not null unique references support_request (id) on delete cascade,
    supporter_id       uuid        not null references supporter (id),
    supporter_account  uuid,       -- null while the supporter has no account, or after the request went back to matching
    status             text        not null check (status in ('OPEN', 'CLOSED')),
    opened_at          timestamptz not null,
    next_follow_up     date,
    closed_at          timestamptz,
    closure_reason     text        check (closure_reason in ('RESOLVED', 'NO_LONGER_NEEDED', 'REFERRED_ON', 'NO_CONTACT', 'OTHER')),
    closure_summary    bytea,      -- sealed
    updated_at         timestamptz not null,
    check ((status = 'CLOSED') = (closed_at is not null and closure_reason is not null))
);
create index support_case_supporter_idx on support_case (supporter_account) where status = 'OPEN';

create table case_contact (
    id           uuid        primary key,
    case_id      uuid        not null references support_case (id) on delete cascade,
    occurred_at  timestamptz not null,
    mode         text        not null check (mode in ('PHONE', 'VIDEO', 'IN_PERSON', 'MESSAGE')),
    minutes      integer     check (minutes between 0 and 1440),
    note         bytea,      -- sealed
    recorded_by  uuid        not null,
    recorded_at  timestamptz not null
);
create index case_contact_case_idx on case_contact (case_id);

create table case_action (
    id          uuid        primary key,
    case_id     uuid        not null references support_case (id) on delete cascade,
    what        bytea       not null, -- sealed
    who         text        not null check (who in ('SUPPORTER', 'CLIENT', 'COORDINATOR', 'PARTNER', 'OTHER')),
    due_on      date,
    done_at     timestamptz,
    created_by  uuid        not null,
    created_at  timestamptz not null
);
create index case_action_case_idx on case_action (case_id);
create index case_action_open_idx on case_action (due_on) where done_at is null;

-- What happened to the case besides contacts and actions: opened, follow-up set, transferred, closed, evaluated.
create table case_event (
    id          uuid        primary key,
    case_id     uuid        not null references support_case (id) on delete cascade,
    kind        text        not null check (kind in ('OPENED', 'FOLLOW_UP_SET', 'TRANSFERRED', 'CLOSED', 'EVALUATED', 'ACTION_DONE')),
    detail      bytea,      -- sealed (a transfer's reason)
    actor_id    uuid,
    actor_role  text,
    at          timestamptz not null
);
create index case_event_case_idx on case_event (case_id);

create table case_evaluation (
    case_id          uuid        primary key references support_case (id) on delete cascade,
    satisfaction     integer     not null check (satisfaction between 1 and 5),
    would_recommend  boolean     not null,
    comment          bytea,      -- sealed
    submitted_at     timestamptz not null
);

-- Reminders of overdue items: one row per item, due moment and recipient, so that each is sent once even when the job
-- runs on several nodes at the same time.
create table case_reminder (
    item_kind   text        not null check (item_kind in ('FIRST_CONTACT', 'ACTION', 'FOLLOW_UP')),
    item_id     uuid        not null,
    due_key     text        not null,
    recipient   text        not null, -- 'SUPPORTER:<account id>' or 'DESK'
    created_at  timestamptz not null,
    sent_at     timestamptz,
    primary key (item_kind, item_id, due_key, recipient)
);
create index case_reminder_unsent_idx on case_reminder (recipient) where sent_at is null;

-- The assigned supporter writes to the client in the request's messages too.
alter table request_message drop constraint request_message_author_check;
alter table request_message add constraint request_message_author_check check (author in ('COORDINATOR', 'SUPPORTER', 'REQUESTER'));
