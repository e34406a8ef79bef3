-- Idempotency keys (docs/decisions/0006): one row per (caller scope, Idempotency-Key) holding the
-- request's digest and, once the handler has answered, the response to replay. Rows live 24 h;
-- purgeExpiredIdempotencyKeys() deletes them afterwards. Timestamps come from the application clock.
CREATE TABLE idempotency_keys (
  -- the account id, or 'anon:' + a keyed hash of the client IP for anonymous callers
  scope            text        NOT NULL,
  key              text        NOT NULL CHECK (key ~ '^[A-Za-z0-9_:.-]{1,100}$'),
  method           text        NOT NULL,
  route            text        NOT NULL,
  -- SHA-256 of the canonical JSON body
  request_hash     text        NOT NULL,
  status           text        NOT NULL CHECK (status IN ('in_progress', 'done')),
  response_status  integer,
  response_body    jsonb,
  -- only content-type and location
  response_headers jsonb,
  created_at       timestamptz NOT NULL,
  expires_at       timestamptz NOT NULL,
  PRIMARY KEY (scope, key),
  CHECK ((status = 'done') = (response_status IS NOT NULL))
);
CREATE INDEX idempotency_keys_expires ON idempotency_keys (expires_at);
