"""The count beside お知らせ in the header menu (registered in apps.py)."""

from .models import Notice


def unread_notices(request) -> int:
    return Notice.objects.filter(recipient=request.user, read_at__isnull=True).count()
