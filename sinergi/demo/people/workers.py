"""The demo's workers (PSKS): a share of each LKS's workforce per role, background checks for those who work with
children."""

import datetime
import random

from sinergi.organisations.models import Organisation
from sinergi.people.choices import BackgroundCheckResult, Sex, WorkerRole
from sinergi.people.models import Worker
from sinergi.vocabularies.models import Term

from .details import _birth_date, _kind, _name
from .profiles import DEMO_JOB_TITLES, WORKER_PROFILES


def _workers(rng: random.Random, lks: list[Organisation], psks: dict[str, Term], total: int, today) -> list[Worker]:
    weights = [w for _role, _code, w in WORKER_PROFILES]
    rows = []
    per_lks = max(1, total // len(lks))
    extra = total - per_lks * len(lks)
    for number, organisation in enumerate(lks):
        children = _kind(organisation) in {"anak", "disabilitas"}
        for _index in range(per_lks + (1 if number < extra else 0)):
            role, code, _weight = rng.choices(WORKER_PROFILES, weights=weights)[0]
            sex = rng.choice([Sex.MALE, Sex.FEMALE])
            with_children = children and role in {WorkerRole.CAREGIVER, WorkerRole.SOCIAL_WORKER, WorkerRole.VOLUNTEER}
            result = ""
            checked_on = None
            if with_children:
                result = rng.choices([BackgroundCheckResult.CLEAR, BackgroundCheckResult.PENDING], weights=[9, 1])[0]
                checked_on = today - datetime.timedelta(days=rng.randint(10, 900))
            rows.append(
                Worker(
                    organisation=organisation,
                    province_code=organisation.province_code,
                    regency_code=organisation.regency_code,
                    full_name=_name(rng, sex),
                    sex=sex,
                    birth_date=_birth_date(rng, today, 22, 60),
                    psks_category=psks[code],
                    role=role,
                    # (no draw from rng: the demo's other figures stay as they were)
                    job_title=DEMO_JOB_TITLES.get(role, ""),
                    phone=f"0812-0000-{rng.randint(0, 9999):04d}",
                    started_on=today - datetime.timedelta(days=rng.randint(30, 3000)),
                    certifications=rng.choice(["", "Pelatihan pengasuhan (demo)", "Sertifikasi peksos (demo)"]),
                    works_with_children=with_children,
                    background_check_on=checked_on,
                    background_check_result=result,
                )
            )
    return rows
