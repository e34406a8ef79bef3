-- The durable outbox (platform/outbox.ts) and the message centre (站内信, modules/notifications).
-- Outbox rows are written in the transaction of the change they report and delivered by a worker
-- in every process: rows are claimed with FOR UPDATE SKIP LOCKED under a lease (locked_until) and
-- retried with backoff until done or dead. Timestamps come from the application clock.
CREATE TABLE outbox (
  id           bigserial   PRIMARY KEY,
  topic        text        NOT NULL CHECK (topic ~ '^[a-z][a-z0-9_.]{0,62}$'),
  payload      jsonb       NOT NULL,
  -- enqueueing the same key again does nothing (NULLs never collide)
  dedupe_key   text        UNIQUE CHECK (char_length(dedupe_key) <= 200),
  status       text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'dead')),
  -- claims so far; each claim adds one, so it also fences a worker whose lease was taken over
  attempts     integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  run_at       timestamptz NOT NULL,
  locked_until timestamptz,
  last_error   text,
  created_at   timestamptz NOT NULL,
  done_at      timestamptz
);
CREATE INDEX outbox_status_run_at ON outbox (status, run_at);

-- one row per notice and recipient; outbox_id makes the delivery idempotent (a retried job finds
-- its message already written). Titles and bodies are stored in both languages.
CREATE TABLE messages (
  id         bigserial   PRIMARY KEY,
  account_id uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  outbox_id  bigint      UNIQUE,
  kind       text        NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.]{0,62}$'),
  title_zh   text        NOT NULL CHECK (char_length(title_zh) BETWEEN 1 AND 100),
  title_en   text        NOT NULL CHECK (char_length(title_en) BETWEEN 1 AND 200),
  body_zh    text        NOT NULL CHECK (char_length(body_zh) <= 2000),
  body_en    text        NOT NULL CHECK (char_length(body_en) <= 4000),
  -- a path inside the web app (e.g. /me), never an outside address
  link       text        CHECK (link ~ '^/[A-Za-z0-9/_.?=&%-]*$'),
  created_at timestamptz NOT NULL,
  read_at    timestamptz
);
CREATE INDEX messages_account_created ON messages (account_id, created_at DESC);
CREATE INDEX messages_account_unread ON messages (account_id) WHERE read_at IS NULL;
