"""Settings for the test suite: fast hashing, in-memory mail, tasks run at once."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
AXES_ENABLED = True
# As production stands behind nginx: the tests of the client's address send the header it adds.
SINERGI_PROXY_COUNT = 1
REST_FRAMEWORK["NUM_PROXIES"] = SINERGI_PROXY_COUNT  # noqa: F405

# Uploaded files of the tests go to a throw-away folder, not var/media.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="sinergi-test-media-"))
_MEDIA_OWNER = os.getpid()


def _remove_test_media() -> None:
    # By the process that made the folder only (a forked child inherits the handler, not the folder's ownership).
    if os.getpid() == _MEDIA_OWNER:
        shutil.rmtree(MEDIA_ROOT, ignore_errors=True)


atexit.register(_remove_test_media)
STORAGES["default"] = {  # noqa: F405
    "BACKEND": "sinergi.core.storage.PrivateFileSystemStorage",
    "OPTIONS": {"location": MEDIA_ROOT},
}
# Each test process its own job locks (sinergi.exchange.runners): job ids repeat across the parallel databases.
SINERGI_JOB_LOCK_DIR = Path(os.environ.get("SINERGI_JOB_LOCK_DIR") or MEDIA_ROOT / "running")
# The suite loads the demo (DEBUG is off here, as in production, for the error pages).
SINERGI["DEMO_ALLOWED"] = True  # noqa: F405
