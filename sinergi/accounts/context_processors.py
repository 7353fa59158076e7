from django.http import HttpRequest

from .scope import active_memberships


def roles(request: HttpRequest) -> dict:
    """The signed-in user's active memberships, for the navigation."""
    user = getattr(request, "user", None)
    memberships = active_memberships(user) if user is not None else []
    return {"memberships": memberships, "user_roles": {m.role for m in memberships}}
