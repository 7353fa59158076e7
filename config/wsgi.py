import os

from django.core.wsgi import get_wsgi_application

# WSGI serves production (gunicorn): a unit that forgets DJANGO_SETTINGS_MODULE must fail for the missing secrets,
# not start with DEBUG on and newly generated identity-number keys. `make run` serves with runserver (manage.py).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()
