"""media: screenshot upload and listing with presigned URLs, screen recordings in chunks, media settings, retention.

Routes are thin (parse, call `workmonitor.media`, shape the answer); one blueprint per module.
"""

from __future__ import annotations

from workmonitor.media.models import MAX_UPLOAD
from workmonitor.web import create_function

from . import recordings, retention, screenshots, settings

app = create_function("media")
app.config["MAX_CONTENT_LENGTH"] = MAX_UPLOAD
for module in (settings, screenshots, recordings, retention):
    app.register_blueprint(module.bp)
