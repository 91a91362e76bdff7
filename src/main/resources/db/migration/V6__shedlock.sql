-- ShedLock: which node holds which scheduled job, until when (nl.weerbaar.platform.SchedulingConfiguration).
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
