-- E-licences (电子证照): signing keys per issuing department, issued licences (one row per version),
-- one-time presentation tokens (亮证) and the holder-readable usage log.

CREATE TABLE licence_keys (
  id               text PRIMARY KEY,
  department_code  text NOT NULL,
  public_key       text NOT NULL,
  private_key_enc  text NOT NULL,
  status           text NOT NULL CHECK (status IN ('active', 'retired')),
  created_at       timestamptz NOT NULL,
  retired_at       timestamptz
);
-- at most one active key per department; retired keys stay published for verification
CREATE UNIQUE INDEX licence_keys_active ON licence_keys (department_code) WHERE status = 'active';

CREATE SEQUENCE licence_serial_seq;

CREATE TABLE licences (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  identifier         text NOT NULL UNIQUE,
  licence_no         text NOT NULL,
  type_key           text NOT NULL,
  type_code          text NOT NULL,
  serial             text NOT NULL,
  version            integer NOT NULL CHECK (version BETWEEN 1 AND 999),
  holder_account_id  uuid NOT NULL,
  holder_name        text NOT NULL,
  holder_code_enc    text NOT NULL,
  holder_code_hash   text NOT NULL,
  holder_code_type   text NOT NULL,
  issuer_department  text NOT NULL,
  issuer_name        text NOT NULL,
  issuer_code        text NOT NULL,
  region_code        text NOT NULL,
  item_code          text NOT NULL,
  item_name          text NOT NULL,
  case_no            text NOT NULL,
  issued_on          date NOT NULL,
  valid_from         date NOT NULL,
  valid_to           date,
  fields             jsonb NOT NULL,
  signature          text NOT NULL,
  key_id             text NOT NULL REFERENCES licence_keys (id),
  status             text NOT NULL CHECK (status IN ('valid', 'revoked', 'replaced')),
  status_reason      text,
  status_changed_at  timestamptz,
  replaced_by        uuid REFERENCES licences (id),
  issued_at          timestamptz NOT NULL,
  UNIQUE (serial, version)
);
CREATE INDEX licences_holder ON licences (holder_account_id, issued_at DESC);
CREATE INDEX licences_holder_code ON licences (holder_code_hash) WHERE status = 'valid';
CREATE INDEX licences_case ON licences (case_no);

CREATE TABLE licence_presentations (
  token_hash   text PRIMARY KEY,
  licence_id   uuid NOT NULL REFERENCES licences (id),
  fields       jsonb NOT NULL,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz
);
CREATE INDEX licence_presentations_licence ON licence_presentations (licence_id);

CREATE TABLE licence_uses (
  id          bigserial PRIMARY KEY,
  licence_id  uuid NOT NULL REFERENCES licences (id),
  kind        text NOT NULL CHECK (kind IN ('issued', 'presentation_created', 'presentation_used', 'verified', 'exchange_read', 'revoked', 'replaced')),
  detail      jsonb NOT NULL DEFAULT '{}'::jsonb,
  at          timestamptz NOT NULL
);
CREATE INDEX licence_uses_licence ON licence_uses (licence_id, id DESC);
