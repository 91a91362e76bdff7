-- The account of the supporter who accepted a request (set by matching through the intake facade): that supporter may
-- open the request; anyone else who is not a coordinator or the client gets 404.
alter table support_request add column assigned_account uuid;
create index support_request_assigned_idx on support_request (assigned_account) where assigned_account is not null;
