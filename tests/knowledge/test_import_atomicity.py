"""Importing sources an office owns: re-import replaces the old version; a failed import leaves the
corpus untouched and says why."""

import pytest
from django.core.management import CommandError, call_command

from hogo.knowledge import search as knowledge
from hogo.knowledge.importer import ImportRefused, ensure_bundled, import_file
from hogo.knowledge.models import Passage, Source


def test_markdown_is_split_by_heading_and_paragraph_and_searchable(db, tmp_path):
    path = tmp_path / "office-guide.md"
    path.write_text(
        "# 電話での問い合わせ\n\n保護費の支給日を聞かれたら、毎月1日と答える。\n\n# 来所\n\n窓口では番号札を渡す。\n",
        encoding="utf-8",
    )
    source = import_file(path, title="事務所の手引き")
    assert [p.citation for p in source.passages.all()] == [
        "事務所の手引き「電話での問い合わせ」",
        "事務所の手引き「来所」",
    ]
    assert knowledge.search("支給日はいつ？")[0].citation == "事務所の手引き「電話での問い合わせ」"


def test_a_reimport_replaces_the_old_version(db, tmp_path):
    path = tmp_path / "memo.md"
    path.write_text("ボランティア保険の案内。", encoding="utf-8")
    import_file(path, code="memo")
    path.write_text("自転車の駐輪場の案内。\n\n二つ目の段落。", encoding="utf-8")
    import_file(path, code="memo")
    assert list(Passage.objects.filter(source__code="memo").values_list("text", flat=True)) == [
        "自転車の駐輪場の案内。",
        "二つ目の段落。",
    ]
    assert not knowledge.search("ボランティア")


def test_a_malformed_xml_import_leaves_the_previous_corpus_untouched(db, tmp_path):
    ensure_bundled()
    before = Passage.objects.filter(source__code="seikatsu-hogo-ho").count()
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<Law><LawBody><LawTitle>\xe7\x94\x9f")
    with pytest.raises(ImportRefused, match="XMLとして読めません"):
        import_file(broken, code="seikatsu-hogo-ho")
    assert Passage.objects.filter(source__code="seikatsu-hogo-ho").count() == before
    assert knowledge.search("申請から何日以内に決定しないといけない？")[0].citation == "生活保護法第24条第5項"


def test_an_unreadable_pdf_is_refused_with_a_clear_message(db, tmp_path):
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4\nnot really a pdf")
    with pytest.raises(ImportRefused, match="PDFから文字を読み取れません"):
        import_file(pdf)
    assert not Source.objects.exists()


def test_a_pdf_with_text_is_imported(db, tmp_path):
    from reportlab.pdfgen import canvas

    from hogo.common.pdf import FONT

    path = tmp_path / "notice.pdf"
    c = canvas.Canvas(str(path))
    c.setFont(FONT, 12)
    c.drawString(72, 720, "資産申告は少なくとも12箇月ごとに行わせる。")
    c.save()
    source = import_file(path, title="課長通知（抜粋）")
    assert "資産申告" in source.passages.first().text.replace(" ", "")


def test_the_command_reports_a_refused_file(db, tmp_path):
    other = tmp_path / "table.xlsx"
    other.write_bytes(b"PK")
    with pytest.raises(CommandError, match="元のナレッジはそのままです"):
        call_command("knowledge", "import", str(other))
