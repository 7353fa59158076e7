import datetime

import pytest
from django.utils import timezone

from sinergi.demo.data import load_demo
from sinergi.demo.partnerships import load_demo_partnerships
from sinergi.partnerships.choices import AgreementStatus
from sinergi.partnerships.models import Agreement, AgreementDocument

pytestmark = pytest.mark.django_db


def test_the_demo_agreements_load_once_with_expiring_expired_and_documents():
    assert load_demo()["agreements"] == 12  # the whole demo, agreements included
    assert load_demo_partnerships() == 0

    today = timezone.localdate()
    statuses = sorted(Agreement.objects.values_list("status", flat=True))
    assert statuses.count(AgreementStatus.ACTIVE) == 9
    assert statuses.count(AgreementStatus.EXPIRED) == 1
    assert statuses.count(AgreementStatus.TERMINATED) == 1
    assert statuses.count(AgreementStatus.DRAFT) == 1
    expiring = Agreement.objects.filter(status=AgreementStatus.ACTIVE, ends_on__lte=today + datetime.timedelta(days=90))
    assert sorted(expiring.values_list("title", flat=True)) == [
        "Bantuan paket gizi lanjut usia",
        "Beasiswa pendidikan anak asuh",
    ]
    kinds = set(Agreement.objects.values_list("parties__organisation__kind", flat=True))
    assert kinds == {"lks", "lkkks", "government", "business", "university", "religious", "ngo"}
    assert AgreementDocument.objects.count() == 2
