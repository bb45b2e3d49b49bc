# ApprovalRoute moves here from the decisions app; its table stays where it is (state only).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("offices", "0001_initial"),
        ("decisions", "0002_approvalroute_moves_to_approvals"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ApprovalRoute",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("steps", models.JSONField(default=list, help_text='役割の並び。例: ["supervisor", "chief"]')),
                        (
                            "office",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="approval_route",
                                to="offices.office",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "決裁の順序",
                        "verbose_name_plural": "決裁の順序",
                        "db_table": "decisions_approvalroute",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
