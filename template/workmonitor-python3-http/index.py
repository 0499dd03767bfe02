"""The server entry (OpenFaaS python3-http style): the template owns the server, the function folder is `function`.

gunicorn serves `index:app` (see gunicorn.conf.py); the function's handler builds its Flask app with the library's
factory. Importing needs no secret and opens no connection, so the image build can import it as a check.
"""

from function.handler import app

__all__ = ["app"]
