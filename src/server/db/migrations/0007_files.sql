-- Uploaded files (modules/files): the metadata here, the bytes in the blob store (platform/storage.ts)
-- under storage_key. A file is uploaded unattached, then claimed by a case (attached_to = case number)
-- in the case's transaction; unattached files are purged after a week by the outbox housekeeping.
CREATE TABLE files (
  id               uuid        PRIMARY KEY,
  owner_account_id uuid        NOT NULL REFERENCES accounts (id),
  -- the sanitised original file name, shown to people; never used as a path
  name             text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  -- sniffed from the bytes, never taken from the client
  content_type     text        NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png', 'application/ofd')),
  size             bigint      NOT NULL CHECK (size > 0),
  sha256           text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key      text        NOT NULL UNIQUE,
  created_at       timestamptz NOT NULL,
  attached_at      timestamptz,
  attached_to      text        CHECK (char_length(attached_to) BETWEEN 1 AND 100),
  CHECK ((attached_at IS NULL) = (attached_to IS NULL))
);
CREATE INDEX files_owner_created ON files (owner_account_id, created_at DESC);
CREATE INDEX files_attached_to ON files (attached_to) WHERE attached_to IS NOT NULL;
CREATE INDEX files_unattached_created ON files (created_at) WHERE attached_to IS NULL;
