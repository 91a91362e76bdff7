-- A home-front member's request is theirs: the office holder's account sees it only when the member shares it.
-- Requests already stored stay unshared (the filer still sees what they filed).
alter table support_request add column shared_with_office_holder boolean not null default false;
