"""WorkMonitor shared library: config, database with RLS, auth, storage, queues and the function factory."""
