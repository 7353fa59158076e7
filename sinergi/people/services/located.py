"""Records located by their LKS follow it when it moves to another province or kabupaten/kota."""

from django.db import transaction
from django.db.models import Count, F

from ..models import DuplicateCandidate, Incident, Person, Placement, Worker
from ..summaries import SummaryDelta


@transaction.atomic
def located_records_follow(*, organisation_id: int, province_code: str, regency_code: str, **_signal) -> int:
    """Gives every client, stay, incident, worker and possible duplicate held by the LKS its new codes, and moves
    their counts in the summary tables with them: scope checks and statistics read the codes copied onto each
    record, so without this the old kabupaten/kota's board would keep seeing (and counting) the people of an LKS
    that is no longer its own.
    Returns how many records moved."""
    delta = SummaryDelta()
    new_area = {"province_code": province_code, "regency_code": regency_code}
    placements = _elsewhere(Placement, organisation_id, province_code, regency_code)
    counted = ("province_code", "regency_code", "ppks_category__code", "setting", "admitted_on", "status")
    for row in placements.values(*counted, "discharged_on").annotate(n=Count("pk")).order_by():
        snap = {**row, "ppks_code": row["ppks_category__code"]}
        delta.add_placement(snap, -row["n"])
        delta.add_placement(snap | new_area, row["n"])
    workers = _elsewhere(Worker, organisation_id, province_code, regency_code).filter(ended_on__isnull=True)
    for row in workers.values("province_code", "regency_code", "psks_category__code", "role").annotate(n=Count("pk")):
        snap = {**row, "psks_code": row["psks_category__code"], "active": True}
        delta.add_worker(snap, -row["n"])
        delta.add_worker(snap | new_area, row["n"])
    moved = 0
    for model in (Person, Placement, Incident, Worker):
        changed = dict(new_area)
        if model in (Person, Worker):
            # A form or an import that read the record before the move is refused as stale, not saved over it.
            changed["version"] = F("version") + 1
        moved += _elsewhere(model, organisation_id, province_code, regency_code).update(**changed)
    # Possible duplicates are the board's of the person's kabupaten/kota: they go to the new board too.
    DuplicateCandidate.objects.filter(person__organisation_id=organisation_id).exclude(**new_area).update(**new_area)
    delta.write()
    return moved


def _elsewhere(model, organisation_id: int, province_code: str, regency_code: str):
    # Records of the LKS not yet at its codes: earlier stays at the same LKS move too, as they were there.
    return model.objects.filter(organisation_id=organisation_id).exclude(
        province_code=province_code, regency_code=regency_code
    )
