import multiprocessing
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.settings")
django_application = get_wsgi_application()

from core.metrics import observed  # noqa: E402  (needs the settings loaded above)
from core.pagecache import fast_path  # noqa: E402
from core.processes import die_with_parent  # noqa: E402

# A Granian worker stops when its Granian does, however that one ends (ADR 0015).
if (granian := multiprocessing.parent_process()) is not None:
    die_with_parent(granian.pid)

# Page-cache hits are answered before Django builds a request (see core.pagecache); every
# request, hit or not, is timed for /metrics (core.metrics).
application = observed(fast_path(django_application))
