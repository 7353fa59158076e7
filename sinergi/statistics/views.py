from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect


def home(request: HttpRequest) -> HttpResponse:
    """Signed-in users land on the data-centre dashboard; the public on the public figures."""
    if request.user.is_authenticated:
        return redirect("statistics:dashboard")
    return redirect("statistics:public")
