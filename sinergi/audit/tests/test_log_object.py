"""Following one object's trail in the audit log: by its type and number, a client's through the events of its other
records, and from each line to the object's page when the reader may open it (fifty-fourth review M4, in part)."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from sinergi.audit.models import AuditEvent
from sinergi.core.testing import otp_login
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.people.tests.factories import PersonFactory
from sinergi.regions.models import Region

from .conftest import located

pytestmark = pytest.mark.django_db

LOG = reverse("audit:log")


def _event(actor, action: str, object_type: str, object_id, data=None) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor,
        actor_name=actor.get_username(),
        provinces=located(actor),  # as audit_record locates it: by its actor's roles
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        object_repr=f"#{object_id}",
        data=data or {},
    )


def _rows(response) -> list[str]:
    page = response.content.decode()
    body = page[page.index('<table id="audit-log"') :]
    body = body[body.index("<tbody>") : body.index("</tbody>")]
    return re.findall(r"<tr>(.*?)</tr>", body, re.S)


def _text(row: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", row)).split())


@pytest.fixture
def trail(operator, lks):
    """A client's own events, those of its stay and consent that name it, and another client's."""
    child = PersonFactory(organisation=lks)
    other = PersonFactory(organisation=lks)
    return {
        "child": child,
        "other": other,
        "events": [
            _event(operator, "people.person.created", "people.person", child.pk),
            _event(operator, "people.consent.recorded", "people.consent", 71, {"person": child.pk}),
            _event(operator, "people.duplicate.merged", "people.duplicatecandidate", 3, {"kept": child.pk}),
            _event(operator, "people.person.updated", "people.person", other.pk),
            # a stay with the child's number as its own: not the child's
            _event(operator, "people.placement.corrected", "people.placement", child.pk),
        ],
    }


def test_the_admin_follows_a_clients_trail_by_its_number(client, province_admin, trail):
    child = trail["child"]
    otp_login(client, province_admin)

    # When the admin asks for "penerima layanan #<number>"
    rows = [_text(row) for row in _rows(client.get(LOG, {"object_type": "people.person", "object_id": f"#{child.pk}"}))]

    # Then the client's own events and those of its records that name it are listed, no other client's, and not a
    # stay that happens to bear the same number
    assert len(rows) == 3
    assert any("Persetujuan dicatat" in row for row in rows)
    assert any("Data ganda digabungkan" in row for row in rows)
    assert not any("Data penempatan diperbaiki" in row for row in rows)

    # And by the stay's type, the stay's own
    rows = _rows(client.get(LOG, {"object_type": "people.placement", "object_id": child.pk}))
    assert [("Data penempatan diperbaiki" in _text(row)) for row in rows] == [True]


def test_a_number_that_is_no_number_lists_nothing_and_says_why(client, province_admin, trail):
    otp_login(client, province_admin)
    page = client.get(LOG, {"object_id": "Budi"}).content.decode()
    assert "Tulis nomor objek dengan angka saja" in page
    assert "<tbody>" not in page


def test_each_line_links_to_its_objects_page_when_the_reader_may_open_it(client, province_admin, trail, operator):
    child, other = trail["child"], trail["other"]
    Region.objects.create(code="64", name="Kalimantan Timur", level=1, kind="provinsi")
    far = PersonFactory(organisation=OrganisationFactory(region_id="64"))  # another province
    _event(operator, "people.person.updated", "people.person", far.pk)
    type(other).objects.filter(pk=other.pk).update(erased_at=timezone.now())
    otp_login(client, province_admin)

    page = client.get(LOG).content.decode()

    # The child's page is linked; an erased client's and one outside the admin's province are not; nor is a consent,
    # which has no page of its own
    assert f'href="{reverse("people:detail", args=[child.pk])}"' in page
    assert f'href="{reverse("people:detail", args=[other.pk])}"' not in page
    assert f'href="{reverse("people:detail", args=[far.pk])}"' not in page
    assert len(re.findall(r'href="/people/\d+/"', page)) == 1
