import datetime

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from sinergi.accounts.models import Role
from sinergi.accounts.scope import access_key
from sinergi.accounts.tests.factories import UserFactory, user_with_role
from sinergi.exchange.models import ExportJob, ExportStatus, ImportJob, ImportStatus


class ImportJobFactory(factory.django.DjangoModelFactory):
    """A finished dry run of an LKS file; `upload=b"..."` / `report=b"..."` store files, `age=days` backdates it."""

    class Meta:
        model = ImportJob
        skip_postgeneration_save = True

    token = factory.Sequence(lambda n: f"impor{n:027d}")
    entity = "lks"
    original_name = "data.xlsx"
    file_kind = "xlsx"
    # A kabupaten/kota board member: one who may import LKS (a job is shown only while its starter may)
    created_by = factory.LazyFunction(lambda: user_with_role(Role.REGENCY_BOARD, region_code="63.71"))
    created_by_name = factory.LazyAttribute(lambda o: o.created_by.username)
    # What the starter's access was when it ran (accounts.scope.access_key): kept as they are when the job is made.
    access_key = factory.LazyAttribute(lambda o: access_key(o.created_by) if o.created_by else "")
    status = ImportStatus.CHECKED
    finished_at = factory.LazyFunction(timezone.now)
    plan_digest = factory.Sequence(lambda n: f"{n:032x}")  # a trial keeps its plan (one without is from before)

    @factory.post_generation
    def upload(obj, create, extracted, **kwargs):
        if extracted is not None:
            obj.file.save("upload", ContentFile(extracted), save=True)

    @factory.post_generation
    def report(obj, create, extracted, **kwargs):
        if extracted is not None:
            obj.error_report.save(f"{obj.token}.xlsx", ContentFile(extracted), save=True)

    @factory.post_generation
    def age(obj, create, extracted, **kwargs):
        if extracted:
            _backdate(obj, extracted)


class ExportJobFactory(factory.django.DjangoModelFactory):
    """A queued XLSX export of LKS; `content=b"..."` makes it a finished one with a file, `age=days` backdates it."""

    class Meta:
        model = ExportJob
        skip_postgeneration_save = True

    token = factory.Sequence(lambda n: f"ekspor{n:026d}")
    entity = "lks"
    file_format = "xlsx"
    requested_by = factory.SubFactory(UserFactory)
    requested_by_name = factory.LazyAttribute(lambda o: o.requested_by.username)
    # What the asker's access was when asked (accounts.scope.access_key): kept as they are when the job is made.
    access_key = factory.LazyAttribute(lambda o: access_key(o.requested_by))

    @factory.post_generation
    def content(obj, create, extracted, **kwargs):
        if extracted is not None:
            obj.file.save(f"{obj.token}.xlsx", ContentFile(extracted), save=False)
            obj.status = ExportStatus.SUCCEEDED
            obj.finished_at = timezone.now()
            obj.save()

    @factory.post_generation
    def age(obj, create, extracted, **kwargs):
        if extracted:
            _backdate(obj, extracted)


def _backdate(job, days: int) -> None:
    """Moves the job's creation (and end, if finished) `days` into the past."""
    shift = datetime.timedelta(days=days)
    job.created_at -= shift
    if job.finished_at:
        job.finished_at -= shift
    type(job).objects.filter(pk=job.pk).update(created_at=job.created_at, finished_at=job.finished_at)
