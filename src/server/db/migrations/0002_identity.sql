-- Identity tables: accounts, roles, enterprises and their agents, sessions, login failures.
-- ID numbers, mobile numbers and credit codes are stored only AES-256-GCM encrypted (*_enc) with an
-- HMAC lookup key (*_hash). Login by mobile and the uniqueness rules go through the hash, so a mobile
-- can be found only by the exact number; their format is checked by the application, since the
-- column holds ciphertext. Every API response masks them. All timestamps come from the application clock.
CREATE TABLE accounts (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username            text        NOT NULL CHECK (char_length(username) BETWEEN 4 AND 32),
  kind                text        NOT NULL CHECK (kind IN ('person', 'staff')),
  name                text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
  id_number_enc       text,
  id_number_hash      text,
  mobile_enc          text        NOT NULL,
  mobile_hash         text        NOT NULL,
  email               text        CHECK (char_length(email) <= 120),
  password_hash       text        NOT NULL,
  -- 0 = none (staff), 1 = self-declared with a valid ID number, 2 = matched against the registry
  real_name_level     smallint    NOT NULL DEFAULT 0 CHECK (real_name_level BETWEEN 0 AND 3),
  status              text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  locked_until        timestamptz,
  created_at          timestamptz NOT NULL,
  password_changed_at timestamptz NOT NULL,
  CONSTRAINT accounts_id_number CHECK ((id_number_enc IS NULL) = (id_number_hash IS NULL))
);
-- usernames are unique regardless of case: "ZhangSan" and "zhangsan" are one login
CREATE UNIQUE INDEX accounts_username_key ON accounts (lower(username));
CREATE UNIQUE INDEX accounts_mobile_hash_key ON accounts (mobile_hash);
CREATE UNIQUE INDEX accounts_id_number_hash_key ON accounts (id_number_hash);
CREATE INDEX accounts_created ON accounts (created_at DESC);

-- staff roles; department_code is NULL for platform-wide roles (operator, auditor, general clerk)
CREATE TABLE account_roles (
  account_id      uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  role            text NOT NULL CHECK (role IN ('clerk', 'reviewer', 'approver', 'dept_admin', 'operator', 'auditor')),
  department_code text
);
CREATE UNIQUE INDEX account_roles_key ON account_roles (account_id, role, coalesce(department_code, ''));
CREATE INDEX account_roles_department ON account_roles (department_code, role);

-- failed password attempts in the lockout window; cleared on success, lockout and unlock
CREATE TABLE login_failures (
  account_id uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  at         timestamptz NOT NULL
);
CREATE INDEX login_failures_account ON login_failures (account_id, at);

CREATE TABLE enterprises (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name                 text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
  credit_code_enc      text        NOT NULL,
  credit_code_hash     text        NOT NULL,
  legal_representative text        NOT NULL CHECK (char_length(legal_representative) BETWEEN 1 AND 50),
  region_code          text        NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  address              text        CHECK (char_length(address) <= 200),
  created_by           uuid        REFERENCES accounts (id),
  created_at           timestamptz NOT NULL
);
CREATE UNIQUE INDEX enterprises_credit_code_hash_key ON enterprises (credit_code_hash);
CREATE INDEX enterprises_region ON enterprises (region_code);

CREATE TABLE enterprise_agents (
  enterprise_id uuid        NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
  account_id    uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  relation      text        NOT NULL CHECK (relation IN ('legal_representative', 'agent')),
  added_by      uuid        REFERENCES accounts (id),
  added_at      timestamptz NOT NULL,
  PRIMARY KEY (enterprise_id, account_id)
);
CREATE INDEX enterprise_agents_account ON enterprise_agents (account_id);

-- id is the SHA-256 of the cookie token, so a copy of this table cannot be replayed as cookies
CREATE TABLE sessions (
  id           text        PRIMARY KEY,
  account_id   uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  csrf_token   text        NOT NULL,
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  idle_minutes integer     NOT NULL CHECK (idle_minutes > 0),
  revoked_at   timestamptz,
  user_agent   text,
  ip           text
);
CREATE INDEX sessions_account ON sessions (account_id) WHERE revoked_at IS NULL;
CREATE INDEX sessions_expires ON sessions (expires_at);
