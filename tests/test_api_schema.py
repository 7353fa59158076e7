"""The OpenAPI schema tells what the views do: required fields, refused fields, enums, and the list filters that
the views read inside get_queryset (where drf-spectacular cannot see them)."""

import pytest

from sinergi.people.choices import CaseStage, ServiceSetting, Sex, WorkerRole
from sinergi.people.filters import PersonFilterSet, WorkerFilterSet
from sinergi.referrals.choices import ReferralStatus, Urgency

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client) -> dict:
    return client.get("/api/v1/schema/", {"format": "json"}).json()


def component(schema: dict, operation: dict) -> dict:
    ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    return schema["components"]["schemas"][ref.rsplit("/", 1)[1]]


def parameters(schema: dict, path: str) -> dict[str, dict]:
    return {p["name"]: p["schema"] for p in schema["paths"][path]["get"]["parameters"]}


def test_admitting_a_client_requires_the_first_placement(schema):
    body = component(schema, schema["paths"]["/api/v1/clients/"]["post"])
    assert {"organisation", "full_name", "sex", "placement"} <= set(body["required"])
    assert "version" not in body["properties"]


@pytest.mark.parametrize("path", ["/api/v1/clients/{id}/", "/api/v1/workers/{id}/"])
def test_a_patch_lists_no_field_it_would_not_change_and_requires_the_version(schema, path):
    body = component(schema, schema["paths"][path]["patch"])
    assert not {"organisation", "placement", "consent"} & set(body["properties"])
    assert body["required"] == ["version"]


@pytest.mark.parametrize("path", ["/api/v1/organisations/{id}/", "/api/v1/partnerships/{id}/"])
def test_every_other_patch_requires_the_version_too(schema, path):
    assert component(schema, schema["paths"][path]["patch"])["required"] == ["version"]


def test_a_stage_is_one_of_the_snpa_stages(schema):
    body = component(schema, schema["paths"]["/api/v1/placements/{id}/stage/"]["post"])
    ref = body["properties"]["stage"]["allOf"][0]["$ref"].rsplit("/", 1)[1]
    assert schema["components"]["schemas"][ref]["enum"] == CaseStage.values


def test_the_client_and_worker_lists_document_their_filters(schema):
    clients = parameters(schema, "/api/v1/clients/")
    assert set(clients) == {*PersonFilterSet.base_filters, "purpose", "page"}
    assert clients["stage"]["enum"] == sorted(CaseStage.values)
    assert clients["setting"]["enum"] == sorted(ServiceSetting.values)
    assert clients["sex"]["enum"] == sorted(Sex.values)
    assert clients["status"]["enum"] == ["active", "discharged"]
    assert clients["review"]["enum"] == ["due", "overdue"]
    assert clients["age_group"]["enum"] == ["adult", "child"]
    workers = parameters(schema, "/api/v1/workers/")
    assert set(workers) == {*WorkerFilterSet.base_filters, "purpose", "page"}
    assert workers["role"]["enum"] == sorted(WorkerRole.values)
    assert workers["active"]["type"] == "boolean"


def test_the_referral_list_and_the_action_items_document_their_filters(schema):
    referrals = parameters(schema, "/api/v1/referrals/")
    assert set(referrals) == {"box", "status", "urgency", "overdue", "person", "page"}
    assert referrals["box"]["enum"] == ["both", "inbox", "outbox"]
    assert referrals["status"]["enum"] == sorted(ReferralStatus.values)
    assert referrals["urgency"]["enum"] == sorted(Urgency.values)
    assert parameters(schema, "/api/v1/meetings/action-items/")["mine"]["type"] == "boolean"


def test_the_description_says_how_the_language_and_the_limits_are_chosen(schema):
    description = schema["info"]["description"]
    assert "preferred_language" in description and "Accept-Language" in description
    assert "60 a minute" in description
