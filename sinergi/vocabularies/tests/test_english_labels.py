import importlib

import pytest
from django.apps import apps
from django.utils import translation

from sinergi.vocabularies.models import Term, Vocabulary
from sinergi.vocabularies.seed import FORMER_LABELS_EN, PSKS

pytestmark = pytest.mark.django_db

WPKS = "Women's social welfare leader (WPKS)"
TKSK = "District social welfare worker (TKSK)"


def test_the_psks_items_read_naturally_in_english_and_keep_their_codes_and_indonesian():
    labels = {t.code: (t.label_id, t.label_en) for t in Term.objects.filter(vocabulary=Vocabulary.PSKS)}

    assert labels["wpks"] == ("Wanita Pemimpin Kesejahteraan Sosial", WPKS)
    assert labels["tksk"] == ("Tenaga Kesejahteraan Sosial Kecamatan", TKSK)
    assert {code: (label_id, label_en) for code, label_id, label_en, _a in PSKS} == labels
    with translation.override("en"):
        assert str(Term.objects.get(vocabulary=Vocabulary.PSKS, code="tksk")) == TKSK


def test_the_migration_renames_a_former_label_and_keeps_an_administrators_own():
    migration = importlib.import_module("sinergi.vocabularies.migrations.0003_psks_english_labels")
    # a database from before: the seed's former labels, one of them since changed by an administrator
    Term.objects.filter(vocabulary="psks", code="wpks").update(label_en="Women social welfare leader")
    Term.objects.filter(vocabulary="psks", code="tksk").update(label_en="TKSK officer")

    migration.rename(apps, None)

    labels = dict(Term.objects.filter(vocabulary="psks", code__in=["wpks", "tksk"]).values_list("code", "label_en"))
    assert labels == {"wpks": WPKS, "tksk": "TKSK officer"}
    migration.rename_back(apps, None)
    assert Term.objects.get(vocabulary="psks", code="wpks").label_en == "Women social welfare leader"


def test_the_migration_and_the_seed_name_the_same_former_labels():
    migration = importlib.import_module("sinergi.vocabularies.migrations.0003_psks_english_labels")
    assert [(code, former, now) for _v, code, former, now in migration.RENAMED] == FORMER_LABELS_EN["psks"]
