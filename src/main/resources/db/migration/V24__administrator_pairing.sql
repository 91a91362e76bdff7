-- Set once the installation has had two administrators (nl.weerbaar.security.AccountManagement): until then the
-- first administrator appoints the second alone (there is nobody to approve it); from then on no administrator makes
-- another without a second one's approval, even if all others are later removed.
create table administrator_pairing (
    id        smallint    primary key check (id = 1),
    paired_at timestamptz not null
);
insert into administrator_pairing (id, paired_at)
select 1, now() where (select count(distinct account_id) from account_role where role = 'ADMIN') >= 2;
