"""RQ worker settings module: `rq worker -c workmonitor.jobs.rqconfig media ...`.

The worker's parent imports this once; each job then runs in a forked work horse that inherits the imported
job modules (Pillow, psycopg, boto3) and a loaded S3 service model instead of paying for them per job.
No connection is opened here, so no socket is ever shared across a fork.
"""

from __future__ import annotations

from .. import storage
from . import email, media, retention  # noqa: F401  (imported for the work horses to inherit)

storage.warm()
