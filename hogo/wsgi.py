"""The WSGI application the production server runs (gunicorn: scripts/gunicorn.conf.py)."""

from django.core.wsgi import get_wsgi_application

from hogo.envfile import use_default_env_file

use_default_env_file()
application = get_wsgi_application()
