-- Who made an account and who set its notification address (ASVS V2.3.5, V6.4.4, V6.4.6): the administrator who
-- created an account (and saw its initial password) neither asks nor decides an approval for it, and an approved
-- set-up link is mailed only to an address its owner set themselves. Null for accounts and addresses from before.
alter table account add column created_by uuid references account (id);
alter table account add column notification_email_set_by uuid references account (id);
alter table account add column notification_email_set_at timestamptz;
