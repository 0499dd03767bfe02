-- Webhook events recorded by triggers where the change happens (issue 17): time entries created, updated or
-- deleted, and members joining or leaving. A trigger costs the request no round trip (POST /time/entries stays at
-- three, tests/test_time.py), and no code path that writes these tables can forget to emit.
--
-- What must stay true:
-- - app.webhook_record() runs inside the writing transaction: the deliveries and their job outbox rows commit or
--   roll back with the change. The outbox drainer hands them to RQ (workmonitor.jobs.outbox.drain, every few
--   seconds); a company without an enabled endpoint pays one index probe per row.
-- - Payload timestamps follow the wire dialect (RFC 3339 UTC, six fractional digits, Z).

CREATE FUNCTION app.wire_ts(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $$;

-- Record one delivery of `p_event` per enabled endpoint of `p_company` subscribed to it, each with its send job.
CREATE FUNCTION app.webhook_record(p_company uuid, p_event text, p_data jsonb) RETURNS int
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE n int;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhook_endpoints w WHERE w.company_id = p_company AND w.enabled) THEN
    RETURN 0;
  END IF;
  WITH ins AS (
    INSERT INTO webhook_deliveries (company_id, endpoint_id, event, payload)
    SELECT w.company_id, w.id, p_event,
           jsonb_build_object('type', p_event, 'created', extract(epoch FROM now())::bigint, 'data', p_data)
    FROM webhook_endpoints w
    WHERE w.company_id = p_company AND w.enabled AND (p_event = ANY (w.events) OR '*' = ANY (w.events))
    RETURNING id, company_id)
  SELECT count(app.outbox_add('workmonitor.publicapi.delivery.deliver',
                              jsonb_build_array(ins.id::text, ins.company_id::text), NULL))
  INTO n FROM ins;
  RETURN n;
END $$;
REVOKE ALL ON FUNCTION app.webhook_record(uuid, text, jsonb) FROM PUBLIC;
CREATE INDEX webhook_endpoints_company_idx ON webhook_endpoints (company_id) WHERE enabled;

CREATE FUNCTION app.webhook_time_entry() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE r time_entries;
BEGIN
  r := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  PERFORM app.webhook_record(r.company_id,
    CASE TG_OP WHEN 'INSERT' THEN 'time_entry.created' WHEN 'UPDATE' THEN 'time_entry.updated'
               ELSE 'time_entry.deleted' END,
    jsonb_build_object('entry', jsonb_build_object(
      'id', r.id, 'user_id', r.user_id, 'project_id', r.project_id, 'task_id', r.task_id,
      'description', r.description, 'started_at', app.wire_ts(r.started_at), 'ended_at', app.wire_ts(r.ended_at),
      'billable', r.billable, 'source', r.source, 'running', r.ended_at IS NULL)));
  RETURN NULL;
END $$;
CREATE TRIGGER time_entries_webhooks AFTER INSERT OR UPDATE OR DELETE ON time_entries
  FOR EACH ROW EXECUTE FUNCTION app.webhook_time_entry();

CREATE FUNCTION app.webhook_member() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  r users;
  ev text;
BEGIN
  r := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  ev := CASE
    WHEN TG_OP = 'INSERT' AND NEW.status = 'active' THEN 'member.joined'
    WHEN TG_OP = 'DELETE' AND OLD.status = 'active' THEN 'member.left'
    WHEN TG_OP = 'UPDATE' AND OLD.status = 'active' AND NEW.status <> 'active' THEN 'member.left'
    WHEN TG_OP = 'UPDATE' AND OLD.status <> 'active' AND NEW.status = 'active' THEN 'member.joined'
  END;
  IF ev IS NOT NULL THEN
    PERFORM app.webhook_record(r.company_id, ev, jsonb_build_object('member', jsonb_build_object(
      'user_id', r.id, 'email', r.email, 'name', r.name, 'role', r.role)));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER users_webhooks AFTER INSERT OR UPDATE OF status OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION app.webhook_member();
