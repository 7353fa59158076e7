"""Signals other apps listen to, so that this app need not know them.

`organisation_moved`: an organisation's province or kabupaten/kota changed (a correction or a move). Sent inside
the changing transaction with `organisation_id`, `province_code` and `regency_code` (the new ones); records that
copy the codes of their organisation for scope and statistics (people's clients, stays and workers) follow it.

`organisation_deactivated`: an organisation was deactivated (no longer operates). Sent inside the deactivating
transaction with `organisation_id`; the senders of referrals still waiting on it are told (referrals).
"""

from django.dispatch import Signal

organisation_moved = Signal()
organisation_deactivated = Signal()
