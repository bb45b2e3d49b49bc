# ApprovalRoute is now the approvals app's model; its table is kept (state only).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ApprovalRoute")],
            database_operations=[],
        ),
    ]
