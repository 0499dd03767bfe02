-- Revocation whose truth is the database (issue 11): every authenticated request asks, in the same statement
-- that sets its RLS claims, whether its access token's membership still exists and is active and whether its
-- session (refresh-token family) was revoked. Redis keeps a copy of revocations for the gateway and an early
-- refusal, but losing Redis no longer brings a revoked token back.

-- 'live', or why not: 'gone' (no such membership: the user or company was deleted), 'deactivated', 'revoked'.
-- SECURITY DEFINER: it runs before the claims exist, and a membership must be found even when RLS would hide it.
CREATE FUNCTION app.session_state(p_user uuid, p_company uuid, p_family uuid)
RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT CASE
    WHEN u.id IS NULL THEN 'gone'
    WHEN u.status <> 'active' THEN 'deactivated'
    WHEN EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = p_family AND t.revoked_at IS NOT NULL) THEN 'revoked'
    ELSE 'live'
  END
  FROM (SELECT 1) AS one LEFT JOIN users u ON u.id = p_user AND u.company_id = p_company
$$;

-- The gateway's periodic re-check: of the sessions held by live sockets, those that are no longer live.
CREATE FUNCTION app.dead_sessions(p_users uuid[], p_companies uuid[], p_families uuid[])
RETURNS TABLE (family_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT s.f FROM unnest(p_users, p_companies, p_families) AS s(u, c, f) WHERE app.session_state(s.u, s.c, s.f) <> 'live'
$$;

-- A password change signs the person out everywhere except the session that changed it (p_keep); a reset,
-- everywhere (no p_keep). Replaces 0008's revoke_my_sessions().
DROP FUNCTION app.revoke_my_sessions();
CREATE FUNCTION app.revoke_my_sessions(p_keep uuid DEFAULT NULL)
RETURNS TABLE (family_id uuid)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  UPDATE refresh_tokens t SET revoked_at = now()
  WHERE t.revoked_at IS NULL AND t.family_id IS DISTINCT FROM p_keep AND t.user_id IN (
    SELECT u.id FROM users u
    WHERE u.person_id = (SELECT me.person_id FROM users me WHERE me.id = app.user_id() AND me.company_id = app.company_id()))
  RETURNING t.family_id
$$;

DO $$
DECLARE fn text;
BEGIN
  FOREACH fn IN ARRAY ARRAY['app.session_state(uuid, uuid, uuid)', 'app.dead_sessions(uuid[], uuid[], uuid[])',
                            'app.revoke_my_sessions(uuid)']
  LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', fn);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO workmonitor_app', fn);
  END LOOP;
END $$;
