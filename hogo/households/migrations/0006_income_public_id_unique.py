import uuid

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("households", "0005_income_public_ids")]

    operations = [
        migrations.AlterField(
            model_name="income",
            name="public_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
