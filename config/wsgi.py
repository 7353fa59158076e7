import os

from django.core.wsgi import get_wsgi_application
from django.db import connections

# WSGI serves production (gunicorn): a unit that forgets DJANGO_SETTINGS_MODULE must fail for the missing secrets,
# not start with DEBUG on and newly generated identity-number keys. `make run` serves with runserver (manage.py).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()

from sinergi.core.checks import serving_checks  # noqa: E402  (needs the apps that get_wsgi_application sets up)

try:
    serving_checks()  # e.g. a wrong SINERGI_HASH_KEY (sinergi.E002) stops gunicorn at its start
finally:
    connections.close_all()  # the checks' connection is not handed to forked workers (gunicorn --preload)
