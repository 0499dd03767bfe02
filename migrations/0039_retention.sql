-- Retention per company for every kind of capture: activity samples, GPS, chat (besides screenshots and
-- recordings, migrations/0009), and the expiry of GDPR exports. The retention job (jobs.retention, role 'job')
-- reads and deletes exactly these rows, inside one company; each right is listed next to its table.

-- activity samples older than the company's limit (the daily rollups stay: they are the reports)
CREATE POLICY activity_samples_job_delete ON activity_samples FOR DELETE
  USING (company_id = app.company_id() AND app.is_job());

-- GPS points and the geofence events derived from them
CREATE POLICY location_points_job ON location_points FOR ALL
  USING (company_id = app.company_id() AND app.is_job()) WITH CHECK (false);
CREATE POLICY geofence_events_job ON geofence_events FOR ALL
  USING (company_id = app.company_id() AND app.is_job()) WITH CHECK (false);

-- chat messages and their attachments (objects deleted before rows)
CREATE POLICY chat_messages_job ON chat_messages FOR ALL
  USING (company_id = app.company_id() AND app.is_job()) WITH CHECK (false);
CREATE POLICY chat_attachments_job ON chat_attachments FOR ALL
  USING (company_id = app.company_id() AND app.is_job()) WITH CHECK (false);
GRANT DELETE ON chat_messages TO workmonitor_app;

-- exports past their expiry: the ZIP is deleted and the row marked expired
CREATE POLICY data_exports_job ON data_exports FOR ALL
  USING (company_id = app.company_id() AND app.is_job()) WITH CHECK (company_id = app.company_id() AND app.is_job());
