from django.apps import AppConfig


class TransferConfig(AppConfig):
    """Signed transfer bundles between the core and the portal. Installed in both zones: its tables
    name offices by their code (a string), never by a key to hogo.offices, which only the core has."""

    name = "hogo.transfer"
    label = "transfer"
    verbose_name = "ゾーン間の受け渡し"
