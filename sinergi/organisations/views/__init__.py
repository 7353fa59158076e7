"""Registry pages: thin translations between HTTP and the services/selectors.

`urls.py` and `urls_public.py` use the package (`views.OrganisationListView`, …); the modules below are by concept:
`registry` the list and one organisation's page, `editing` registering, editing and the standing's steps, `boards`
the LKKKS boards, `directory` the public directory, and `_common` the history's labels and the form errors they share.
"""

from ._common import HISTORY_CHOICES, HISTORY_LABELS
from .boards import BoardDetailView, BoardListView, board_change, board_create
from .directory import DirectoryDetailView, DirectoryListView
from .editing import OrganisationCreateView, OrganisationUpdateView, organisation_transition
from .registry import OrganisationDetailView, OrganisationListView, organisation_export

__all__ = [
    "HISTORY_CHOICES",
    "HISTORY_LABELS",
    "BoardDetailView",
    "BoardListView",
    "DirectoryDetailView",
    "DirectoryListView",
    "OrganisationCreateView",
    "OrganisationDetailView",
    "OrganisationListView",
    "OrganisationUpdateView",
    "board_change",
    "board_create",
    "organisation_export",
    "organisation_transition",
]
