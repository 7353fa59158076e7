from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "sinergi.people"
    label = "people"

    def ready(self) -> None:
        from sinergi.accounts.scope import ScopeFields, register_scope
        from sinergi.audit.display import register_purpose_labels
        from sinergi.organisations.signals import organisation_moved

        from . import models
        from .choices import AccessPurpose
        from .services.located import located_records_follow

        # Clients, stays and workers carry their LKS's codes for scope and statistics: they move with it.
        organisation_moved.connect(located_records_follow, dispatch_uid="people.located_records_follow")

        # Events record the purpose of access by its code; the audit log reads it in words.
        register_purpose_labels(AccessPurpose.choices)
        # ... and so the other codes their data holds.
        from sinergi.audit.display import register_data_choices

        from . import choices

        register_data_choices("given_by", choices.ConsentGiver.choices)
        register_data_choices("legal_basis", choices.LegalBasis.choices)
        register_data_choices("setting", choices.ServiceSetting.choices)
        register_data_choices("reason", choices.DischargeReason.choices, actions=["people.placement.discharged"])
        register_data_choices(
            "reason", choices.DuplicateReason.choices, actions=["people.duplicate.flagged", "people.duplicate.resolved"]
        )
        register_data_choices("kind", choices.IncidentKind.choices, actions=["people.incident.reported"])

        # An LKS profile (PDF) says whom the LKS serves now and with whom: counts, never names.
        from sinergi.organisations.reports import register_profile_section

        from .selectors import lks_profile_section

        register_profile_section(lks_profile_section)
        # The province report and a kabupaten/kota summary say how many are served, and by how many workers.
        from sinergi.organisations.reports import register_area_part

        from .reports import area_people_parts, people_part_areas

        register_area_part(area_people_parts, people_part_areas)
        # A database without the hash key's fingerprint records none over hashes made under another key.
        from sinergi.core.crypto import hash_sample_register

        from .selectors import stored_hash_sample

        hash_sample_register(stored_hash_sample)
        # The columns of ciphertexts: the check sinergi.E003 samples them, rotate_field_keys re-encrypts them.
        from sinergi.core.crypto import encrypted_column_register

        for model, field in (
            (models.Person, "nik_encrypted"),
            (models.Person, "kk_encrypted"),
            (models.Worker, "nik_encrypted"),
            (models.PersonRevision, "values_encrypted"),
        ):
            encrypted_column_register(model, field)

        # People are located by the LKS that serves (or last served) them, not by where they come from.
        located = ScopeFields(organisation="organisation_id")
        for model in (models.Person, models.Placement, models.Incident, models.Worker):
            register_scope(model, located)
        register_scope(
            models.Consent,
            ScopeFields(
                province="person__province_code", regency="person__regency_code", organisation="person__organisation_id"
            ),
        )
        register_scope(
            models.CarePlanReview,
            ScopeFields(
                province="placement__province_code",
                regency="placement__regency_code",
                organisation="placement__organisation_id",
            ),
        )
        register_scope(
            models.DuplicateCandidate,
            ScopeFields(province="province_code", regency="regency_code", organisation=None),
        )
