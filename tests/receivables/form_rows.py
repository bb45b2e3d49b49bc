"""What a browser posts for a list of row forms (hogo.receivables.forms.Rows): the management fields
and each row's fields, numbered from 0."""


def rows(prefix: str, *items: dict) -> dict:
    data = {f"{prefix}-TOTAL_FORMS": str(len(items)), f"{prefix}-INITIAL_FORMS": "0"}
    for number, item in enumerate(items):
        data |= {f"{prefix}-{number}-{name}": value for name, value in item.items()}
    return data


def line(month: str = "", assistance: str = "", amount: str = "") -> dict:
    return {"month": month, "assistance": assistance, "amount": amount}


def determination(*lines: dict, deductions: tuple = (), **fields) -> dict:
    """A determination as posted: its lines and deductions as rows, the other fields as given."""
    return rows("lines", *lines) | rows("deductions", *deductions) | fields
