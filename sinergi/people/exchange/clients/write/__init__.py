"""The write of a clients import: the locks taken before it (LKS and people, in id order), the check that the new
clients are still new, the bulk inserts of people, stays and consents, discharges, corrections and consents recorded
for stored people, and what follows (the access-log lines of the records a result shows, the summaries, the
planner's statistics, admissions committed meanwhile looked at again, the audit's counts). Apart because it is the one
part that writes, under the locks.

ClientWrite, the mixin ClientsEntity is made of, is itself made of four by concept, each in its own module, holding
the old class's methods in their order: `saving` (ClientWriteSave: before_write, save, the locks, the check that the
new clients are still new), `inserts` (ClientWriteInsert: the new clients' bulk inserts, and the inserted fields),
`updates` (ClientWriteUpdate: discharges, corrections, consents of stored people) and `finishing` (ClientWriteFinish:
result_checked, after_import, audit_data).

A test that patches a module-level name patches it where it is looked up (`clients.write.saving.lks_lock`), not
here; a method, on ClientsEntity.
"""

from .finishing import ClientWriteFinish
from .inserts import ClientWriteInsert
from .saving import ClientWriteSave
from .updates import ClientWriteUpdate


class ClientWrite(ClientWriteSave, ClientWriteInsert, ClientWriteUpdate, ClientWriteFinish):
    """Writes a checked file's plans: locks, inserts, discharges, corrections and consents."""


__all__ = ["ClientWrite"]
