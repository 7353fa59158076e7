import factory

from sinergi.accounts.models import Membership, Role, User

DEMO_PASSWORD = "rahasia-uji-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pengguna{n}")
    full_name = factory.Sequence(lambda n: f"Pengguna Contoh {n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@contoh.test")
    password = factory.PostGenerationMethodCall("set_password", DEMO_PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.REGENCY_BOARD
    region_id = "63.71"
    organisation = None


def user_with_role(role: str, *, region_code: str | None = None, organisation=None, **user_fields) -> User:
    """A user holding one membership: a region role (province 63 or a kabupaten code) or an LKS operator."""
    user = UserFactory(**user_fields)
    MembershipFactory(user=user, role=role, region_id=region_code, organisation=organisation)
    return user
