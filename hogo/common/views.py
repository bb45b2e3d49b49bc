from django.contrib.auth import views as auth_views
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


class LoginView(auth_views.LoginView):
    template_name = "common/login.html"
    redirect_authenticated_user = True


@never_cache
def health(request):
    """For load balancers and `make run`: answers without touching personal data."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
