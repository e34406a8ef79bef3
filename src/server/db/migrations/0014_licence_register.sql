-- The issuing department's licence register (证照管理): its licences newest first, and the licences
-- each signing key signed (the key panel's counts; key_id is a foreign key read by).
CREATE INDEX licences_issuer ON licences (issuer_department, issued_at DESC);
CREATE INDEX licences_key ON licences (key_id);
