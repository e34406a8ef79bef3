-- Data exchange (共享交换, modules/exchange, ADR 0010): the records of the local registries, the
-- access grants consumers hold, and the log of every exchange call.

-- One generic table for every local registry: a record per (registry, subject). The subject is a
-- keyed hash of the ID number or credit code; the record itself is AES-256-GCM ciphertext of its
-- JSON fields, so neither a subject nor a value is readable in the database.
CREATE TABLE registry_records (
  registry     text        NOT NULL CHECK (registry ~ '^[a-z][a-z0-9_]{1,39}$'),
  subject_hash text        NOT NULL CHECK (char_length(subject_hash) = 64),
  data_enc     text        NOT NULL,
  updated_at   timestamptz NOT NULL,
  PRIMARY KEY (registry, subject_hash)
);

-- 共享授权: a consumer department may read these fields of one registry for one service item, on
-- a stated legal basis, once an operator has approved it. Rows are never deleted: revoked stays.
CREATE TABLE exchange_grants (
  id                  bigserial   PRIMARY KEY,
  consumer_department text        NOT NULL REFERENCES departments (code),
  item_code           text        NOT NULL CHECK (item_code ~ '^[0-9]{12}$'),
  registry            text        NOT NULL CHECK (registry ~ '^[a-z][a-z0-9_]{1,39}$'),
  fields              text[]      NOT NULL CHECK (cardinality(fields) BETWEEN 1 AND 50),
  legal_basis         text        NOT NULL CHECK (char_length(legal_basis) BETWEEN 4 AND 500),
  status              text        NOT NULL CHECK (status IN ('pending', 'approved', 'revoked')),
  requested_by        uuid        REFERENCES accounts (id),
  requested_by_name   text        NOT NULL,
  requested_at        timestamptz NOT NULL,
  approved_by         uuid        REFERENCES accounts (id),
  approved_by_name    text,
  approved_at         timestamptz,
  revoked_by          uuid        REFERENCES accounts (id),
  revoked_by_name     text,
  revoked_at          timestamptz,
  revoke_reason       text        CHECK (char_length(revoke_reason) <= 500)
);
-- the exchange's one hot read: approved grants of a consumer for an item and a registry
CREATE INDEX exchange_grants_lookup ON exchange_grants (consumer_department, item_code, registry) WHERE status = 'approved';
CREATE INDEX exchange_grants_requested ON exchange_grants (requested_at DESC, id DESC);

-- Every exchange call, granted or not. Append-only; the subject appears only as its keyed hash,
-- plus the account id of the person when the platform knows them (for 数据使用记录).
CREATE TABLE exchange_log (
  id                  bigserial   PRIMARY KEY,
  at                  timestamptz NOT NULL,
  actor_id            uuid,
  actor_name          text        NOT NULL,
  consumer_department text        NOT NULL,
  purpose             text        NOT NULL CHECK (purpose IN ('case', 'prefill')),
  item_code           text        NOT NULL,
  case_no             text,
  legal_basis         text,
  registry            text        NOT NULL,
  subject_kind        text        NOT NULL CHECK (subject_kind IN ('person', 'enterprise')),
  subject_hash        text        NOT NULL,
  subject_account_id  uuid,
  fields_asked        text[]      NOT NULL,
  fields_granted      text[]      NOT NULL,
  outcome             text        NOT NULL CHECK (outcome IN ('granted', 'partial', 'denied', 'not_found', 'error')),
  digest              text        NOT NULL CHECK (char_length(digest) = 64)
);
CREATE INDEX exchange_log_subject_account ON exchange_log (subject_account_id, at DESC, id DESC) WHERE subject_account_id IS NOT NULL;
CREATE INDEX exchange_log_subject_hash ON exchange_log (subject_hash, at DESC, id DESC);
CREATE INDEX exchange_log_at ON exchange_log (at DESC, id DESC);
CREATE INDEX exchange_log_registry_at ON exchange_log (registry, at DESC);
CREATE INDEX exchange_log_consumer_at ON exchange_log (consumer_department, at DESC);
