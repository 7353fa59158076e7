"""People API: the same selectors, services, scope and masking as the pages; every person-level read is logged.

`clients`, `placements` and `workers` hold one viewset each; `parameters` the query parameters the schema documents,
and `_common` what the viewsets share (errors, role, purpose of a read, scope of the filters).
"""

from .clients import ClientViewSet
from .placements import PlacementViewSet
from .workers import WorkerViewSet

__all__ = ["ClientViewSet", "PlacementViewSet", "WorkerViewSet"]
