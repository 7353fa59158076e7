"""Demo clients (PPKS) and workers (PSKS) for the 154 active demo LKS of Kalimantan Selatan.

Everything is synthetic and says so: every name ends in "Contoh"; NIKs have a valid structure (the LKS's
kecamatan code, the birth date, women's day + 40, a serial) but are made up. Each LKS gets clients that fit its
kind (children in LKSA, elderly people in lansia homes, ...) and its capacity.

Rows are bulk-created with the same encryption, keyed hash and match key the services use (the services write one
client at a time with audit rows; for thousands that would take minutes); the summary tables are then rebuilt
from scratch, which is the path the statistics tests prove equal to the services' incremental updates.

Callers use the package (`from sinergi.demo.people import load_demo_people`); the modules below are by concept:
`profiles` (names, what each LKS kind serves, the workforce's roles, the consent's scope), `details` (a made-up
person's name, birth date, NIK and a stay's setting), `loading` (load_demo_people, demo_people_loaded, past
reviews), `workers` (the demo's workers) and `duplicates` (the two open duplicate candidates).
"""

from .loading import demo_people_loaded, load_demo_people

__all__ = ["demo_people_loaded", "load_demo_people"]
