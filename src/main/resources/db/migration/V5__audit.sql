-- The audit trail (nl.weerbaar.audit): append-only, hash-chained. Each record's hash is
-- SHA-256(previous hash || canonical record); records are written one at a time in seq order under a lock on
-- audit_head, which holds the newest seq and hash. The trail never holds content: ids, actions, results only.
create table audit_event (
    seq           bigint      primary key,
    occurred_at   timestamptz not null,
    actor_id      uuid,
    actor_role    text,
    action        text        not null,
    object_type   text,
    object_id     text,
    result        text        not null check (result in ('ALLOWED', 'DENIED')),
    origin        text,
    previous_hash bytea       not null,
    hash          bytea       not null
);
create index audit_event_actor_idx on audit_event (actor_id, seq);
create index audit_event_object_idx on audit_event (object_type, object_id, seq);
create index audit_event_time_idx on audit_event (occurred_at);

create table audit_head (
    id   smallint primary key check (id = 1),
    seq  bigint not null,
    hash bytea  not null
);
insert into audit_head (id, seq, hash) values (1, 0, decode(repeat('00', 32), 'hex'));

-- Records are never changed or removed: refused by the database, also for the table owner (who could drop the
-- trigger, but the verifier then finds the changed record). Privileges as a second line for other roles.
create function audit_event_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_refuse_change();
revoke update, delete, truncate on audit_event from public;
