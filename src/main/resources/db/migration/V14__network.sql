-- The network (nl.weerbaar.network): partner organisations, the client's consent to share data with them, and
-- referrals. What a partner may see is a sealed copy of the consented fields, made when the referral is sent.
create table partner (
    id           uuid        primary key,
    code         text        not null unique check (code ~ '^[A-Z0-9_]{2,40}$'),
    name         text        not null check (length(name) between 1 and 200),
    description  text        not null default '' check (length(description) <= 2000),
    services     text[]      not null default '{}',
    instruments  text[]      not null default '{}',
    phone        text        check (length(phone) <= 40),
    email        text        check (length(email) <= 200),
    website      text        check (length(website) <= 300),
    active       boolean     not null default true,
    updated_at   timestamptz not null
);

-- A partner user's account belongs to one partner organisation.
create table partner_member (
    account_id  uuid primary key,
    partner_id  uuid not null references partner (id) on delete cascade
);

create table consent (
    id            uuid        primary key,
    case_id       uuid        not null references support_case (id) on delete cascade,
    partner_id    uuid        not null references partner (id),
    fields        text[]      not null,
    given_on      date        not null,
    given_how     text        not null check (given_how in ('VERBAL', 'IN_WRITING', 'BY_CLIENT_ONLINE')),
    recorded_by   uuid        not null,
    recorded_role text        not null,
    recorded_at   timestamptz not null,
    withdrawn_at  timestamptz,
    withdrawn_by  uuid,
    withdrawn_role text
);
create index consent_case_idx on consent (case_id);

create table referral (
    id              uuid        primary key,
    case_id         uuid        not null references support_case (id) on delete cascade,
    partner_id      uuid        not null references partner (id),
    instrument      text        not null check (instrument in ('HOME_SECURITY_SCAN', 'TRAINING', 'AFTERCARE', 'POLICE_REPORT_GUIDANCE', 'OTHER')),
    consent_id      uuid        references consent (id),
    override_reason bytea,      -- sealed; a coordinator's reason to refer without consent
    override_by     uuid,
    fields          text[]      not null,
    shared          bytea,      -- sealed JSON of the shared fields; wiped when consent is withdrawn
    status          text        not null check (status in ('SENT', 'ACCEPTED', 'DONE', 'DECLINED', 'REVOKED')),
    created_by      uuid        not null,
    created_role    text        not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    check ((consent_id is null) = (override_reason is not null))
);
create index referral_case_idx on referral (case_id);
create index referral_partner_idx on referral (partner_id, updated_at desc);
create index referral_consent_idx on referral (consent_id);

create table referral_update (
    id           uuid        primary key,
    referral_id  uuid        not null references referral (id) on delete cascade,
    from_status  text,
    to_status    text        not null,
    message      bytea,      -- sealed
    actor_id     uuid,
    actor_role   text,
    at           timestamptz not null
);
create index referral_update_referral_idx on referral_update (referral_id);

-- The network's partners as reference data (public organisations; contact routes are their public websites).
-- Administrators keep this list in Weerbaar; partner users' accounts are linked to their organisation there.
insert into partner (id, code, name, description, services, instruments, website, updated_at) values
  (gen_random_uuid(), 'CCV', 'Centrum voor Criminaliteitspreventie en Veiligheid (CCV)',
   'Voert de woningscan uit voor politieke ambtsdragers en adviseert over maatregelen.',
   '{"Woningscan en advies over maatregelen","Advies over veiligheid thuis"}', '{HOME_SECURITY_SCAN}', 'https://hetccv.nl', now()),
  (gen_random_uuid(), 'DJI', 'DJI Opleidingsinstituut',
   'Geeft de training ''Omgaan met intimidatie en bedreiging'', ook voor partners en kinderen.',
   '{"Training Omgaan met intimidatie en bedreiging"}', '{TRAINING}', 'https://www.dji.nl', now()),
  (gen_random_uuid(), 'ARQ', 'ARQ Nationaal Psychotrauma Centrum / Instituut voor Psychotrauma',
   'Nazorg en psychosociale ondersteuning na ingrijpende gebeurtenissen.',
   '{"Nazorg","Psychosociale ondersteuning"}', '{AFTERCARE}', 'https://www.arq.org', now()),
  (gen_random_uuid(), 'RIJKSRECHERCHE', 'Rijksrecherche', 'Onderzoek bij ondermijning en integriteitskwesties rond het openbaar bestuur.',
   '{"Onderzoek"}', '{OTHER}', 'https://www.rijksrecherche.nl', now()),
  (gen_random_uuid(), 'POLITIE', 'Politie (contactpersoon openbaar bestuur)',
   'Begeleiding bij melding en aangifte; het stelsel Bewaken en Beveiligen bij ernstige dreiging.',
   '{"Melding en aangifte","Bewaken en Beveiligen"}', '{POLICE_REPORT_GUIDANCE}', 'https://www.politie.nl', now()),
  (gen_random_uuid(), 'NGB', 'Nederlands Genootschap van Burgemeesters (NGB)', 'Vereniging van burgemeesters; vertrouwenspersonen voor burgemeesters.',
   '{"Vertrouwenspersonen","Intervisie"}', '{OTHER}', 'https://www.burgemeesters.nl', now()),
  (gen_random_uuid(), 'WHV', 'Wethoudersvereniging', 'Vereniging van wethouders; vertrouwenspersonen voor wethouders.',
   '{"Vertrouwenspersonen"}', '{OTHER}', 'https://www.wethoudersvereniging.nl', now()),
  (gen_random_uuid(), 'NVVR', 'Nederlandse Vereniging voor Raadsleden (NVvR)', 'Vereniging van raads- en Statenleden; vertrouwenspersonen.',
   '{"Vertrouwenspersonen"}', '{OTHER}', 'https://www.raadsleden.nl', now()),
  (gen_random_uuid(), 'VNG', 'Vereniging van Nederlandse Gemeenten (VNG)', 'Ondersteunt gemeenten bij beleid voor weerbaar bestuur.',
   '{"Advies aan gemeenten"}', '{OTHER}', 'https://vng.nl', now()),
  (gen_random_uuid(), 'IPO', 'Interprovinciaal Overleg (IPO)', 'Ondersteunt provincies bij beleid voor weerbaar bestuur.',
   '{"Advies aan provincies"}', '{OTHER}', 'https://www.ipo.nl', now()),
  (gen_random_uuid(), 'UVW', 'Unie van Waterschappen', 'Ondersteunt waterschappen bij beleid voor weerbaar bestuur.',
   '{"Advies aan waterschappen"}', '{OTHER}', 'https://unievanwaterschappen.nl', now());
