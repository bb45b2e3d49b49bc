from django.shortcuts import render


def index(request):
    """The portal zone's front page. Recipient and partner-agency features arrive with the
    transfer bundles (see docs/decisions/0001-foundation.md)."""
    return render(request, "portal/index.html")
