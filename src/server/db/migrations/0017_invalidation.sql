-- Cache invalidation (docs/decisions/0015): a change to what a process may keep in memory is
-- announced on the channel tongban_invalidate as '<topic>:<key>', delivered at commit to every
-- server process that listens (platform/invalidation.ts). Triggers, not application code, send it,
-- so a write by any process, job or operator's SQL session reaches every cache.
CREATE FUNCTION tongban_invalidate() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
BEGIN
  PERFORM pg_notify('tongban_invalidate', TG_ARGV[0] || ':' || (changed ->> TG_ARGV[1]));
  RETURN NULL;
END $$;

-- who the caller is (identity/session-cache.ts): the session, its account, roles and agencies.
-- last_seen_at is left out: it is written as sessions are used and changes nothing cached.
CREATE TRIGGER sessions_invalidate AFTER UPDATE OF revoked_at, expires_at, idle_minutes, csrf_token, account_id OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION tongban_invalidate('account', 'account_id');
CREATE TRIGGER accounts_invalidate AFTER UPDATE OR DELETE ON accounts
  FOR EACH ROW EXECUTE FUNCTION tongban_invalidate('account', 'id');
CREATE TRIGGER account_roles_invalidate AFTER INSERT OR UPDATE OR DELETE ON account_roles
  FOR EACH ROW EXECUTE FUNCTION tongban_invalidate('account', 'account_id');
CREATE TRIGGER enterprise_agents_invalidate AFTER INSERT OR UPDATE OR DELETE ON enterprise_agents
  FOR EACH ROW EXECUTE FUNCTION tongban_invalidate('account', 'account_id');
