"""Evidence: highlights from the Doc, `klantverhaal show`, the HTML report, and the report in a real browser."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from typer.testing import CliRunner

from klantverhaal import evidence, html_report
from klantverhaal.cli import app
from klantverhaal.corpus import StoryText

STORY = ("Vorige week viel mijn internet uit. Ik heb Ziggo drie keer gebeld en ze beloofden dat de monteur "
         "binnen twee werkdagen zou komen. Pas na acht dagen kwam hij langs. De medewerkers waren vriendelijk, "
         "maar het probleem is nog steeds niet opgelost.")
# markup in a story must arrive as text, never as markup
HOSTILE = ("Bij bol.com <script>alert('x')</script> besteld & <b>niet</b> geleverd. Ik heb ze twee keer "
           "gemaild, ze waren onbeleefd.")
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def ziggo(nlp):
    return evidence.analyse(StoryText("ziggo", STORY, "ziggo.txt"), nlp=nlp)


def found(item: evidence.StoryEvidence) -> set[tuple[str, str, bool]]:
    return {(item.text[h.start:h.end], h.kind, h.cited) for h in item.highlights}


@pytest.mark.parametrize("phrase, kind", [
    ("Ziggo", "company"),
    ("gebeld", "channel"),
    ("gebeld", "contact"),
    ("binnen twee werkdagen", "wait"),
    ("Pas na acht dagen", "wait"),
    ("vriendelijk", "friendliness"),
    ("niet opgelost", "resolution"),
])
def test_cited_highlights(ziggo, phrase, kind):
    assert (phrase, kind, True) in found(ziggo)


def test_steering_cues_are_not_shown(ziggo):
    # "Ik" (self) and "maar" (hedge_but) steer the reading but are no evidence
    assert not {text for text, _, _ in found(ziggo)} & {"Ik", "maar"}
    assert {h.kind for h in ziggo.highlights} <= set(evidence.KINDS)


def test_labels_name_the_channel_and_the_wait_kind(ziggo):
    labels = {(ziggo.text[h.start:h.end], h.kind): h.label for h in ziggo.highlights}
    assert labels[("gebeld", "channel")] == "phone"
    assert labels[("binnen twee werkdagen", "wait")] == "promised"
    assert labels[("Ziggo", "company")] == "Ziggo"


def test_uncited_when_there_is_no_record(nlp):
    item = evidence.mark(nlp(STORY))
    assert item.highlights and not any(h.cited for h in item.highlights)


def test_segments_prefer_cited_then_precedence():
    text = "weer gebeld"
    marks = [evidence.Highlight(0, 11, "contact", "contact verb", True),
             evidence.Highlight(5, 11, "channel", "phone", False),
             evidence.Highlight(0, 4, "resolution", "resolved", False)]
    segs = evidence.segments(text, marks)
    assert [s.text for s in segs] == ["weer", " ", "gebeld"]
    assert [s.primary.kind for s in segs] == ["contact", "contact", "contact"]
    assert [len(s.marks) for s in segs] == [2, 1, 2]
    assert evidence.describe(segs[2]) == "contact: contact verb (cited) · channel: phone"


@given(st.text(min_size=0, max_size=40),
       st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45), st.sampled_from(list(evidence.KINDS)),
                          st.booleans()), max_size=8))
def test_segments_rebuild_the_text_and_stay_inside_their_marks(text, raw):
    marks = [evidence.Highlight(min(a, b), max(a, b), kind, "", cited) for a, b, kind, cited in raw]
    segs = evidence.segments(text, marks)
    assert "".join(s.text for s in segs) == text
    for seg in segs:
        assert seg.text == text[seg.start:seg.end]
        assert all(m.start <= seg.start and seg.end <= m.end for m in seg.marks)


def test_styled_text_keeps_the_story_and_colours_it(ziggo):
    text = evidence.styled_text(ziggo.text, ziggo.highlights)
    assert text.plain == STORY
    assert len(text.spans) >= 6


@pytest.mark.parametrize("width", [100, 160])
def test_view_shows_story_and_record(ziggo, width):
    console = Console(width=width, record=True, color_system=None)
    console.print(evidence.view(ziggo, width=width))
    out = console.export_text()
    for expected in ("Ziggo", "werkdagen", "Record ziggo", "channels", "phone", "promised", "company", "gap"):
        assert expected in out


def test_wait_text_reads_hours():
    from klantverhaal.records import Wait

    assert evidence.wait_text(Wait("binnen 48 uur", 0, 48, "promised")) == "binnen 48 uur: up to 48 h, promised"
    assert evidence.wait_text(Wait("pas na drie dagen", 72, None, "waited")) == "pas na drie dagen: ≥ 3 d, waited"
    assert evidence.wait_text(Wait("20 minuten", 1 / 3, 1 / 3, "waited")) == "20 minuten: 20 min, waited"


# ---- the HTML report ------------------------------------------------------------------------


@pytest.mark.parametrize("story_id, expected", [
    ("c01_ziggo-storing", "c01_ziggo-storing.html"),
    ("klacht: KPN?!", "klacht_KPN.html"),
    ("../../etc/passwd", "etc_passwd.html"),
    ("", "story.html"),
])
def test_page_names_are_safe(story_id, expected):
    assert html_report.page_name(story_id) == expected


def test_page_names_are_unique():
    taken: set[str] = set()
    assert [html_report.page_name("a b", taken), html_report.page_name("a/b", taken)] == ["a_b.html", "a_b-2.html"]


def test_story_page_escapes_text_and_highlights(nlp):
    item = evidence.analyse(StoryText("hostile", HOSTILE, "hostile.txt"), nlp=nlp)
    page = html_report.render_story(item)
    assert "<script>" not in page and "<b>niet</b>" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "&amp; &lt;b&gt;niet&lt;/b&gt;" in page
    assert 'class="hl k-company cited"' in page and ">bol.com</mark>" in page
    assert "http://" not in page and "https://" not in page  # nothing to fetch


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory):
    """`analyse --html` over two stories, one with markup in it."""
    root = tmp_path_factory.mktemp("html")
    stories = root / "stories_in"
    stories.mkdir()
    (stories / "ziggo.txt").write_text(STORY, encoding="utf-8")
    (stories / "bol <b>.txt").write_text(HOSTILE, encoding="utf-8")
    (stories / "leeg.txt").write_text("", encoding="utf-8")
    out = root / "report"
    result = CliRunner().invoke(app, ["analyse", str(stories), "--html", str(out), "--no-cache", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert "HTML report" in result.output
    return out


def test_analyse_html_writes_index_and_pages(report_dir):
    assert sorted(p.name for p in (report_dir / "stories").iterdir()) == ["bol_b.html", "ziggo.html"]
    index = (report_dir / "index.html").read_text(encoding="utf-8")
    assert 'href="stories/ziggo.html"' in index and 'href="stories/bol_b.html"' in index
    assert "bol &lt;b&gt;" in index  # the id is escaped too
    assert "leeg.txt" in index and "empty" in index  # skipped files are listed, not lost
    assert "<table id=\"companies\">" in index and ">Ziggo</td>" in index


def test_analyse_html_to_a_file_is_a_usage_error(tmp_path):
    (tmp_path / "s.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "x.html").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["analyse", str(tmp_path / "s.txt"), "--html", str(tmp_path / "x.html")])
    assert result.exit_code == 2 and "is a file" in result.output


# ---- klantverhaal show ----------------------------------------------------------------------


def test_show_prints_story_and_record(tmp_path):
    story = tmp_path / "ziggo.txt"
    story.write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(story)], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    for expected in ("Pas na acht dagen", "Record ziggo", "Ziggo", "phone", "binnen twee werkdagen", "promised"):
        assert expected in result.stdout


@pytest.mark.parametrize("name, code, message", [
    ("missing.txt", 2, "does not exist"),
    (".", 2, "is not a file"),
    ("leeg.txt", 1, "empty"),
])
def test_show_errors(tmp_path, name, code, message):
    (tmp_path / "leeg.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(tmp_path / name)])
    assert result.exit_code == code and message in result.output


def test_show_help():
    result = CliRunner().invoke(app, ["show", "--help"])
    assert result.exit_code == 0 and "highlighted" in result.output


# ---- the report in a real browser -----------------------------------------------------------


class _VisibleText(HTMLParser):
    """The text a reader sees: everything outside <style>, <script> and <head>."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0
        self.marks: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "head", "title"):
            self._hidden += 1
        if tag == "mark":
            self.marks.append(dict(attrs).get("class", ""))

    def handle_endtag(self, tag):
        if tag in ("style", "script", "head", "title"):
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def _chromium(*args: str, profile: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120, env={**os.environ, "LANG": "C.UTF-8"},
    )


browser = pytest.mark.skipif(not CHROMIUM.exists() or not os.access(CHROMIUM, os.X_OK),
                             reason=f"no browser: {CHROMIUM} is absent (apt-get install chromium)")


@pytest.mark.browser
@browser
def test_story_page_in_chromium(report_dir, tmp_path):
    page = report_dir / "stories" / "bol_b.html"
    result = _chromium("--dump-dom", page.as_uri(), profile=tmp_path / "profile")
    assert result.returncode == 0, result.stderr[-2000:]
    seen = _VisibleText()
    seen.feed(result.stdout)
    text = seen.text
    # the story as a reader sees it, markup shown as text
    assert "<script>alert('x')</script> besteld & <b>niet</b> geleverd." in text
    assert "Record" in text and "bol.com" in text and "JSON" in text
    assert "shaded: cited by the record" in text
    assert any("k-company" in c and "cited" in c for c in seen.marks)
    assert any("k-friendliness" in c for c in seen.marks)


@pytest.mark.browser
@browser
def test_index_in_chromium(report_dir, tmp_path):
    result = _chromium("--dump-dom", (report_dir / "index.html").as_uri(), profile=tmp_path / "profile")
    assert result.returncode == 0, result.stderr[-2000:]
    seen = _VisibleText()
    seen.feed(result.stdout)
    for expected in ("Companies", "Ziggo", "bol.com", "friendly but unresolved", "Stories", "ziggo",
                     "Skipped files", "empty"):
        assert expected in seen.text


@pytest.mark.browser
@browser
def test_story_page_screenshot(report_dir, tmp_path):
    shot = tmp_path / "story-page.png"
    result = _chromium(f"--screenshot={shot}", "--window-size=1200,900",
                       (report_dir / "stories" / "ziggo.html").as_uri(), profile=tmp_path / "profile")
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 900)
    assert len(data) > 20_000  # a rendered page, not a blank one
    if os.environ.get("KLANTVERHAAL_SCREENSHOT_DIR"):  # keep it for a look
        shutil.copy(shot, Path(os.environ["KLANTVERHAAL_SCREENSHOT_DIR"]) / shot.name)
