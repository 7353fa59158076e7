"""What the client and worker sheets share: fast identity-number handling, the LKS index, and column types.

A 100,000-row import has about 50 µs per row for everything, so the per-row work here is plain Python over
lookups loaded once per import: no model instances, no query per row. Each fast path mirrors a service rule and
a test holds it to the service's result (tests/test_exchange.py).

The entities import from the package (`from .common import ...`); the modules are by concept: `words` (headers
and choice words both sheets read), `identity` (NIK/KK: bulk encryption, keyed hash, mask, fast checks), `names`
(whom a row is about by name), `cells` (IdentityNumberColumn, RegionCodeColumn, NameColumn, the date rule), `lks`
(LksIndex, what an LKS serves, its lock), `records` (StoredRecord), `access_log` (an export's purpose, what a
result shows, the access-log lines).
"""

from .access_log import access_lines_write, export_purpose, result_shown, result_shown_what
from .cells import (
    EXACT_BELOW,
    NO_NUMBER_WORDS,
    IdentityNumberColumn,
    MarkedNameRefusal,
    NameColumn,
    RegionCodeColumn,
    date_problems,
)
from .identity import (
    KK_LABEL,
    NIK_LABEL,
    Hasher,
    NikChecker,
    corrected_nik_warnings,
    decrypt_stored,
    encrypt_many,
    kk_check_fast,
    mask,
)
from .lks import Lks, LksIndex, implied_lks_notice, lks_lock, lks_of_ids, lks_problems, served_by_kind
from .names import far_name_warning, id_confirmed, match_name
from .records import StoredRecord, record_type, stored_records
from .words import (
    BIRTH_DATE_SYNONYMS,
    CONSENT_GIVER_ALIASES,
    DISABILITY_ALIASES,
    LEGAL_BASIS_ALIASES,
    LKS_SYNONYMS,
    MISSING_ID_ALIASES,
    NIK_SYNONYMS,
    PPKS_ALIASES,
    SETTING_ALIASES,
    SEX_ALIASES,
)

__all__ = [
    "BIRTH_DATE_SYNONYMS",
    "CONSENT_GIVER_ALIASES",
    "DISABILITY_ALIASES",
    "EXACT_BELOW",
    "KK_LABEL",
    "LEGAL_BASIS_ALIASES",
    "LKS_SYNONYMS",
    "MISSING_ID_ALIASES",
    "NIK_LABEL",
    "NIK_SYNONYMS",
    "NO_NUMBER_WORDS",
    "PPKS_ALIASES",
    "SETTING_ALIASES",
    "SEX_ALIASES",
    "Hasher",
    "IdentityNumberColumn",
    "MarkedNameRefusal",
    "NameColumn",
    "Lks",
    "LksIndex",
    "NikChecker",
    "RegionCodeColumn",
    "StoredRecord",
    "access_lines_write",
    "corrected_nik_warnings",
    "date_problems",
    "decrypt_stored",
    "encrypt_many",
    "export_purpose",
    "far_name_warning",
    "id_confirmed",
    "implied_lks_notice",
    "kk_check_fast",
    "lks_lock",
    "lks_of_ids",
    "lks_problems",
    "match_name",
    "mask",
    "record_type",
    "result_shown",
    "result_shown_what",
    "served_by_kind",
    "stored_records",
]
