-- Matching (nl.weerbaar.matching): proposals of a supporter for a request, and what became of them. A request has at
-- most one live proposal or assignment; a supporter's live ones count against their capacity.
create table assignment (
    id             uuid        primary key,
    request_id     uuid        not null references support_request (id) on delete cascade,
    supporter_id   uuid        not null references supporter (id),
    office_holder_id uuid,     -- the office holder concerned, for continuity ("supported this person before")
    status         text        not null check (status in ('PROPOSED', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN', 'ENDED')),
    score          integer     not null,
    proposed_at    timestamptz not null,
    proposed_by    uuid        not null,
    expires_at     timestamptz not null,
    answered_at    timestamptz,
    decline_reason text        check (decline_reason in ('NO_TIME', 'CONFLICT_OF_INTEREST', 'KNOWS_PERSON', 'OTHER')),
    ended_at       timestamptz,
    check ((status = 'DECLINED') = (decline_reason is not null))
);
create unique index assignment_live_request_idx on assignment (request_id) where status in ('PROPOSED', 'ACCEPTED');
create index assignment_live_supporter_idx on assignment (supporter_id) where status in ('PROPOSED', 'ACCEPTED');
create index assignment_request_idx on assignment (request_id);
create index assignment_expiry_idx on assignment (expires_at) where status = 'PROPOSED';
