"""The portal shows the core's confidentiality pledge word for word (a copy: hogo.collaboration is not
installed in the portal). Read from the core's source, not imported."""

import ast
from pathlib import Path

from hogo.portal.services import PLEDGE_TEXT

CORE_SERVICES = Path(__file__).resolve().parents[2] / "hogo" / "collaboration" / "services.py"


def test_the_portal_pledge_text_equals_the_cores():
    tree = ast.parse(CORE_SERVICES.read_text(encoding="utf-8"))
    core_text = next(
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "PLEDGE_TEXT" for t in node.targets)
    )

    assert PLEDGE_TEXT == core_text
