"""Every line of records/<type>.jsonl is a JSON object, even in a bundle the sender signed."""

import pytest

from ..factories import OfficeFactory
from .helpers import from_portal, portal_signer, refused, resigned


@pytest.mark.parametrize(
    "lines",
    [
        b'{"text":"a"}\n{"text": \n',
        b'["not", "an", "object"]\n',
        b'{"n": NaN}\n',
        b"\xff\xfe\n",
        b"[" * 100_000 + b"\n",
    ],
    ids=["broken", "a list", "NaN", "not UTF-8", "nested too deep"],
)
def test_a_line_that_is_not_a_json_object_is_quarantined(db, ping, lines):
    office = OfficeFactory()
    signer = portal_signer(office.municipality_code)
    data = from_portal(signer, office.municipality_code)
    count = lines.count(b"\n")

    refused(resigned(data, signer, replace={"records/ping.jsonl": lines}, counts={"ping": count}), "bad_record")
