"""Serial numbers under a prefix (照会番号, 意見書番号, 券番号): the next number after the highest one stored
with that prefix. The caller holds a row lock that serialises numbering (the office's row), and a unique
constraint on the field catches anything that slips past it."""


def next_serial(model, field_name: str, prefix: str, width: int) -> str:
    last = (
        model.objects.filter(**{f"{field_name}__startswith": prefix})
        .order_by(f"-{field_name}")
        .values_list(field_name, flat=True)
        .first()
    )
    number = int(last[len(prefix) :]) + 1 if last else 1
    if len(str(number)) > width:
        raise ValueError(f"{prefix} の番号が{width}桁を超えました。")
    return f"{prefix}{number:0{width}d}"
