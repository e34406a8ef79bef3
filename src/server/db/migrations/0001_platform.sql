-- Platform tables: the tamper-evident audit log (one hash chain per stream, see docs/decisions/0002).
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  stream      text        NOT NULL,
  seq         integer     NOT NULL,
  at          timestamptz NOT NULL,
  actor_id    text        NOT NULL,
  action      text        NOT NULL,
  target      text        NOT NULL,
  digest      text        NOT NULL,
  prev_hash   text        NOT NULL,
  hash        text        NOT NULL,
  region_code text,
  CONSTRAINT audit_log_stream_seq UNIQUE (stream, seq)
);
CREATE INDEX audit_log_at ON audit_log (at);
