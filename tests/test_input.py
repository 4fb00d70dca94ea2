"""Real-world input: formats, encodings, boilerplate, language, duplicates, and nothing lost.

Every text here was written for these tests; the seed posts are only read, from
../shared/seeds, and the seed test is skipped when they are absent.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import re
import tempfile
from pathlib import Path

import pytest
from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from klantverhaal import boilerplate, corpus, dedupe, experiences, language, resources, runner
from klantverhaal.cli import app
from klantverhaal.corpus import Skipped, StoryText, read_stories

FUZZ_EXAMPLES = int(os.environ.get("KLANTVERHAAL_FUZZ_EXAMPLES", 2000 if os.environ.get("CI") else 200))

# Distinct Dutch stories (none shares a line with another, so no line counts as repeated).
STORIES = {
    "ziggo": "Vorige week viel mijn internet uit. Ik heb Ziggo drie keer gebeld en ze beloofden dat de monteur "
             "binnen twee werkdagen zou komen. Pas na acht dagen kwam hij langs. De medewerkers waren vriendelijk, "
             "maar het probleem is nog steeds niet opgelost.",
    "eneco": "Mijn voorschot bij Eneco werd ineens verdubbeld. Ik heb een mail gestuurd en pas na drie weken kreeg "
             "ik antwoord van een medewerker die niet op mijn vraag inging. Uiteindelijk heb ik via de chat een "
             "nieuw bedrag afgesproken.",
    "postnl": "Het pakket zou dinsdag komen, maar PostNL meldde dat ik niet thuis was terwijl ik de hele dag op de "
              "bank zat te wachten. Twee keer gebeld, steeds een bandje. Na vijf dagen lag het bij de buren.",
    "ns": "Mijn trein naar Utrecht viel uit en ik vroeg bij de NS geld terug via het formulier op de website. "
          "Binnen een week stond het bedrag op mijn rekening, zonder gedoe en met een vriendelijke bevestiging.",
    "kpn": "Bij de verhuizing naar ons nieuwe huis ging het overzetten van het internet van KPN helemaal mis. "
           "De monteur kwam op de verkeerde dag, de helpdesk wist van niets en we zaten twaalf dagen zonder "
           "verbinding voordat iemand het probleem in de wijkkast vond.",
    "bol": "Ik had een koptelefoon besteld bij bol.com die kapot aankwam. Het retourneren ging via de app in een "
           "paar minuten en het geld stond twee dagen later terug op mijn rekening.",
    "ing": "Mijn bankpas van ING werd geblokkeerd na een verdachte betaling. De medewerker aan de telefoon was "
           "geduldig, maar de nieuwe pas liet ruim tien werkdagen op zich wachten.",
    "vattenfall": "Na de jaarafrekening van Vattenfall moest ik ineens zevenhonderd euro bijbetalen. Vier mails en "
                  "een klacht later bleek de meterstand verkeerd overgenomen en kreeg ik alles terug.",
    "coolblue": "De wasmachine van Coolblue lekte na een maand. Ze haalden hem binnen twee dagen op en brachten "
                "dezelfde week een nieuwe, met excuses van de bezorgers erbij.",
    "zorg": "Mijn zorgverzekeraar weigerde de declaratie van de fysiotherapeut. Ik heb drie keer gebeld en twee "
            "brieven gestuurd, en na zeven weken werd het bedrag alsnog vergoed.",
}
ENGLISH = ("I ordered a new phone online and it never arrived. The courier claimed it was delivered, but nobody "
           "was at home and the neighbours had not seen it. After two weeks of emails the shop finally sent a "
           "replacement.")


def big_story() -> str:
    """About 2 MB of Dutch: a story, then a long diary of plain days (as in a saved archive page);
    beyond spaCy's max_length of 1,000,000 characters."""
    towns = ["Zwolle", "Deventer", "Gouda", "Assen", "Venlo", "Hoorn", "Delft"]
    parts = [STORIES["kpn"]]
    n = size = 0
    while size < 2_000_000:
        n += 1
        size += len(parts[-1]) + 2
        parts.append(f"Notitie {n}: het regende en ik heb de tuin gedaan. Daarna fietste ik naar mijn zus in "
                     f"{towns[n % 7]} en we aten pannenkoeken met appel en stroop, zoals altijd op nummer {n}.")
    parts.append("Tot slot: " + STORIES["ing"])
    return "\n\n".join(parts)


def mojibake(text: str) -> str:
    """UTF-8 read as cp1252 (as Windows tools do, bytes cp1252 lacks kept as is) and saved again
    as UTF-8: 'één' -> 'Ã©Ã©n'."""
    import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

    return text.encode("utf-8").decode("sloppy-windows-1252")


HTML_PAGE = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Twaalf dagen zonder internet</title>
<meta property="article:published_time" content="2021-05-04T09:30:00+02:00">
<script>window.dataLayer = []; function acceptCookies() { return "Deze site gebruikt cookies"; }</script>
<style>.cookie { position: fixed; }</style></head>
<body>
<nav class="menu"><a href="/">Home</a> <a href="/blog">Blog</a> <a href="#main">Naar inhoud</a></nav>
<div class="cookie-banner" id="cookie-consent"><p>Wij gebruiken cookies voor statistieken en advertenties.
Ga je akkoord?</p><button>Accepteren</button><button>Weigeren</button></div>
<main id="main"><article><h1>Twaalf dagen zonder internet</h1>
<p>Bij de verhuizing naar ons nieuwe huis ging het overzetten van het internet van Odido helemaal mis.
De monteur kwam op de verkeerde dag en de helpdesk wist van niets.</p>
<p>We zaten twaalf dagen zonder verbinding voordat iemand het probleem in de wijkkast vond. De mensen aan de
telefoon waren steeds aardig, maar niemand kon echt iets doen.</p>
<p>Lees ook: zo zeg je je abonnement op zonder gedoe</p>
</article></main>
<section class="comments"><h2>3 reacties</h2><p>Bij mij precies hetzelfde gebeurd met dezelfde provider!</p>
<form><label>Naam *</label><input><label>Je e-mailadres wordt niet gepubliceerd.</label></form></section>
<footer>&copy; 2021 Het Klachtenblog &middot; Privacyverklaring</footer>
</body></html>
"""


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


@pytest.fixture()
def hostile(tmp_path) -> tuple[Path, dict[str, tuple[str, str]]]:
    """A folder of everything a scrape brings; ``expected`` maps each input (a file, or file#rowN)
    to ("story", id) or ("skip", a part of the reason)."""
    root = tmp_path / "scrape"
    expected: dict[str, tuple[str, str]] = {}

    def put(name: str, data, outcome: tuple[str, str]):
        _write(root / name, data)
        expected[name] = outcome

    put("empty.txt", b"", ("skip", "empty"))
    put("blank.md", b"  \n\t\n", ("skip", "empty"))
    put("binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, ("skip", "binary"))
    put("random.txt", bytes((i * 97 + 13) % 256 for i in range(3000)), ("skip", "binary"))
    put("utf16.txt", "\ufeff".encode("utf-16-le") + STORIES["ziggo"].encode("utf-16-le"), ("story", "utf16"))
    put("cp1252.txt", ("Café-eigenaar hier: " + STORIES["eneco"] + " Kosten: €12,50.").encode("cp1252"),
        ("story", "cp1252"))
    put("mojibake.txt", mojibake("Één ding weet ik zeker: " + STORIES["postnl"]), ("story", "mojibake"))
    put("nul.txt", STORIES["ns"].encode("utf-8").replace(b" ", b" \x00", 3), ("story", "nul"))
    put("big.txt", big_story(), ("story", "big"))
    put("a_original.txt", STORIES["kpn"], ("story", "a_original"))
    put("b_copy.txt", "\n" + STORIES["kpn"].upper() + "\n", ("skip", "duplicate of"))
    put("c_near.txt", STORIES["bol"].replace(" in een paar", " in een paar\n") + "\n\nGeplaatst op het forum.",
        ("skip", "near duplicate of"))
    put("c_bol.txt", STORIES["bol"], ("story", "c_bol"))
    put("english.txt", ENGLISH, ("skip", "not Dutch"))
    put("page.html", HTML_PAGE, ("story", "page"))
    put("gz/ing.txt.gz", gzip.compress(STORIES["ing"].encode("utf-8")), ("story", "ing"))
    put("gz/export.csv.gz", gzip.compress(f"id,text\ngz-1,\"{STORIES['zorg'][:60]} Twee maanden later nog "
                                          "niets gehoord van de afdeling declaraties.\"\n".encode("utf-8")),
        ("story", "gz-1"))
    expected["gz/export.csv.gz#row1"] = expected.pop("gz/export.csv.gz")
    put("broken.txt.gz", b"\x1f\x8b\x08\x00nonsense", ("skip", "gzip"))
    put("scan.pdf", b"%PDF-1.4 nothing to read here", ("skip", "not a story file"))
    csv_text = ("id,text,date,url\n"
                f"csv-1,\"{STORIES['vattenfall']}\",2022-02-01,https://example.org/1\n"
                "csv-2,,2022-02-02,\n"
                f"csv-3,\"{STORIES['coolblue']}\",,\n")
    put("export.csv", csv_text, ("story", "csv-1"))
    expected["export.csv#row1"] = expected.pop("export.csv")
    expected["export.csv#row2"] = ("skip", "row 2: no text")
    expected["export.csv#row3"] = ("story", "csv-3")
    jsonl = "\n".join([json.dumps({"id": "j-1", "text": STORIES["zorg"]}, ensure_ascii=False),
                       "{not json",
                       json.dumps({"id": "j-3", "text": ""}),
                       json.dumps({"id": "j-4", "text": ENGLISH.replace("phone", "laptop")})])
    put("export.jsonl", jsonl, ("skip", "row 2: not valid JSON"))
    expected["export.jsonl#row2"] = expected.pop("export.jsonl")
    expected["export.jsonl#row1"] = ("story", "j-1")
    expected["export.jsonl#row3"] = ("skip", "row 3")
    expected["export.jsonl#row4"] = ("skip", "not Dutch")
    (root / "loop.txt").symlink_to("loop.txt")
    expected["loop.txt"] = ("skip", "symlink loop")
    (root / "gz" / "up").symlink_to("..", target_is_directory=True)
    expected["gz/up"] = ("skip", "symlink loop")
    os.mkfifo(root / "pipe.txt")
    expected["pipe.txt"] = ("skip", "not a regular file")
    if os.geteuid() != 0:
        put("locked.txt", STORIES["ziggo"] + " Afgesloten.", ("skip", "unreadable"))
        (root / "locked.txt").chmod(0)
    return root, expected


def test_read_stories_accounts_for_every_input(hostile):
    root, expected = hostile
    skipped: list[Skipped] = []
    stories = {Path(s.path).relative_to(root).as_posix(): s for s in read_stories(root, skipped=skipped)}
    reasons = {Path(s.path).relative_to(root).as_posix(): s.reason for s in skipped}
    assert len(reasons) == len(skipped)
    assert set(stories) | set(reasons) == set(expected)
    assert not set(stories) & set(reasons)
    for name, (outcome, value) in expected.items():
        if outcome == "story":
            assert name in stories, (name, reasons.get(name))
            assert stories[name].id == value
        else:
            assert name in reasons, (name, stories.get(name))
            assert value in reasons[name], (name, reasons[name])

    assert stories["utf16.txt"].text == STORIES["ziggo"]
    assert "Café" in stories["cp1252.txt"].text and "€12,50" in stories["cp1252.txt"].text
    assert stories["mojibake.txt"].text.startswith("Één ding weet ik zeker")
    assert "\x00" not in stories["nul.txt"].text and "NUL" in " ".join(stories["nul.txt"].flags)
    assert len(stories["big.txt"].text) > 1_900_000
    page = stories["page.html"]
    assert "Odido" in page.text and "wijkkast" in page.text
    for gone in ("cookie", "Accepteren", "Naar inhoud", "dataLayer", "e-mailadres", "Lees ook", "precies hetzelfde"):
        assert gone not in page.text
    assert page.date == "2021-05-04"
    assert stories["export.csv#row1"].date == "2022-02-01"
    assert stories["export.csv#row1"].url == "https://example.org/1"
    assert "a_original.txt" in reasons["b_copy.txt"] and "c_bol.txt" in reasons["c_near.txt"]


def test_analyse_cli_accounts_for_every_input_and_exits_0(hostile, tmp_path):
    root, expected = hostile
    skipped_csv = tmp_path / "skipped.csv"
    result = CliRunner().invoke(app, ["analyse", str(root), "--format", "jsonl", "--skipped", str(skipped_csv),
                                      "--no-cache"])
    assert result.exit_code == 0, result.output
    ids = {json.loads(line)["id"] for line in result.stdout.splitlines() if line.strip()}
    wanted = {value for outcome, value in expected.values() if outcome == "story"}
    assert ids == wanted
    with open(skipped_csv, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and set(rows[0]) == {"path", "reason"}
    skips = [v for o, v in expected.values() if o == "skip"]
    assert len(rows) == len(skips)
    for reason in skips:
        assert any(reason in row["reason"] for row in rows), reason
    assert "Skipped files" in result.stderr and "flagged" in result.stderr


def test_unreadable_file_is_skipped(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("running as root, which can read a chmod 000 file: no unreadable file can be made")
    locked = _write(tmp_path / "locked.txt", STORIES["ziggo"])
    locked.chmod(0)
    skipped: list[Skipped] = []
    assert list(read_stories(tmp_path, skipped=skipped)) == []
    assert skipped[0].reason.startswith("unreadable")


def test_device_file_is_skipped_unopened(tmp_path):
    import stat

    try:
        os.mknod(tmp_path / "null.txt", stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except OSError as err:
        pytest.skip(f"cannot make a device file here ({err.strerror}): only root outside a sandbox can")
    skipped: list[Skipped] = []
    assert list(read_stories(tmp_path, skipped=skipped)) == []
    assert skipped == [Skipped(str(tmp_path / "null.txt"), "not a regular file (character device)")]


def test_text_column_and_any_language_options(tmp_path):
    _write(tmp_path / "in" / "posts.csv", "nr;verhaal\n1;" + STORIES["ing"] + "\n2;" + ENGLISH + "\n")
    cli = CliRunner()
    skips = tmp_path / "skipped.csv"
    plain = cli.invoke(app, ["analyse", str(tmp_path / "in"), "--format", "jsonl", "--no-cache", "--skipped",
                             str(skips)])
    assert plain.exit_code == 0 and plain.stdout == ""
    reason = skips.read_text(encoding="utf-8")
    assert "no 'text' column (has nr, verhaal)" in reason and "--text-column" in reason
    chosen = cli.invoke(app, ["analyse", str(tmp_path / "in"), "--format", "jsonl", "--text-column", "verhaal",
                              "--no-cache", "--skipped", str(skips)])
    assert [json.loads(line)["id"] for line in chosen.stdout.splitlines()] == ["posts#1"]
    with open(skips, encoding="utf-8", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["path"].endswith("posts.csv#row2") and row["reason"].startswith("not Dutch: English")
    every = cli.invoke(app, ["analyse", str(tmp_path / "in"), "--format", "jsonl", "--text-column", "verhaal",
                             "--any-language", "--no-cache"])
    assert [json.loads(line)["id"] for line in every.stdout.splitlines()] == ["posts#1", "posts#2"]


def test_analysis_failure_is_a_skip_not_a_traceback(tmp_path, monkeypatch):
    for name in ("eneco", "ns", "ziggo"):
        _write(tmp_path / "in" / f"{name}.txt", STORIES[name])
    real = experiences.read_story

    def fragile(doc, story):
        if story.id == "ns":
            raise ValueError("kapot")
        return real(doc, story)

    monkeypatch.setattr(experiences, "read_story", fragile)
    skips = tmp_path / "skipped.csv"
    result = CliRunner().invoke(app, ["analyse", str(tmp_path / "in"), "--format", "jsonl", "--no-cache",
                                      "--skipped", str(skips)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["eneco", "ziggo"]
    assert "ns.txt,analysis failed: ValueError: kapot" in skips.read_text(encoding="utf-8")
    skipped: list[Skipped] = []
    stories = [StoryText(n, STORIES[n], f"{n}.txt") for n in ("ns", "eneco")]
    assert [r.id for r in runner.analyse_texts(stories, cache=False, skipped=skipped)] == ["eneco"]
    assert skipped == [Skipped("ns.txt", "analysis failed: ValueError: kapot")]
    with pytest.raises(RuntimeError, match="kapot"):
        list(runner.analyse_texts(stories, cache=False))


# --- long texts -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("limit", [40, 120, 1000, 10_000])
def test_chunks_join_back_and_fit(limit):
    text = "\n\n".join(STORIES.values()) + "\n" + "x" * 2500 + " Eind."
    parts = runner.chunks(text, limit)
    assert "".join(parts) == text
    assert all(0 < len(p) <= limit for p in parts)


def test_a_story_beyond_max_length_is_read_in_parts_and_merged(nlp):
    text = "\n\n".join(STORIES[n] for n in ("ziggo", "kpn", "ing"))
    whole = next(runner.analyse_texts([StoryText("s", text, "s.txt")], nlp=nlp, cache=False))
    limit = nlp.max_length
    nlp.max_length = 400
    try:
        doc = runner.doc(text, nlp)
        parts = next(runner.analyse_texts([StoryText("s", text, "s.txt")], nlp=nlp, cache=False))
    finally:
        nlp.max_length = limit
    assert doc.text == text and len(doc.spans["companies"]) >= 3
    assert [e.company for e in parts.experiences] == ["Ziggo", "KPN", "ING"]
    # each company lives in its own paragraph: the merged record is the whole one, offsets included
    assert parts.to_dict() == whole.to_dict()


def test_merged_parts_add_contacts_and_keep_the_last_outcome():
    from klantverhaal import longtext
    from klantverhaal.records import Contacts, Experience, Story, Wait

    first = Experience("KPN", "telecom", ["phone"], Contacts(2), [Wait("twee dagen", 48, 48, "waited", False, 5, 15)],
                       friendliness=1, resolved=False)
    second = Experience("KPN", "telecom", ["email", "phone"], Contacts(3, exact=False),
                        [Wait("een week", 168, 168, "waited", False, 0, 8)], friendliness=0, resolved=True)
    merged = longtext.merge(StoryText("s", "", "s.txt"), [(0, Story("s", experiences=[first], mentions=["Ziggo"])),
                                                         (100, Story("s", experiences=[second],
                                                                     mentions=["KPN", "Ziggo"]))])
    (kpn,) = merged.experiences
    assert kpn.channels == ["phone", "email"] and kpn.contacts == Contacts(5, exact=False)
    assert [(w.start, w.end) for w in kpn.waits] == [(5, 15), (100, 108)]
    assert (kpn.friendliness, kpn.resolved) == (1, True)
    assert merged.mentions == ["Ziggo"]


# --- decoding ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, text", [
    ("geen één probleem".encode("utf-8"), "geen één probleem"),
    (b"\xef\xbb\xbfmet BOM", "met BOM"),
    ("zonder BOM, UTF-16".encode("utf-16-le"), "zonder BOM, UTF-16"),
    ("\ufeffUTF-16 BE".encode("utf-16-be"), "UTF-16 BE"),
    ("één café, €5".encode("cp1252"), "één café, €5"),
    (b"\x00\x01\x02\x03\x04\x05binary\x06\x07", None),
    (b"\x89PNG\r\n\x1a\n....", None),
])
def test_decode(raw, text):
    assert corpus.decode(raw) == text


@pytest.mark.parametrize("broken, repaired", [
    (mojibake("Ik heb één keer gebeld."), "Ik heb één keer gebeld."),
    (mojibake("Ze zeiden “morgen” – het werd volgende week."), "Ze zeiden “morgen” – het werd volgende week."),
])
def test_repair_fixes_mojibake_and_keeps_curly_quotes(broken, repaired):
    assert corpus.repair(broken) == (repaired, [])


@pytest.mark.parametrize("text, flagged", [
    ("Het woord ???storing??? stond niet op zijn bon.", True),
    ("Er kwam pl?tseling een brief.", True),
    ("De \ufffd was weg.", True),
    ("Waarom??? Niemand weet het.", False),
    ("Zie https://example.org/klacht?id=3 voor de details.", False),
    ("Gewoon een nette zin, toch?", False),
])
def test_unrepairable_damage_is_flagged(text, flagged):
    assert bool(corpus.damage(text)) is flagged


def test_damaged_text_is_kept_with_its_flag(tmp_path):
    _write(tmp_path / "vraagtekens.txt", "De monteur kwam pl?tseling niet opdagen. " + STORIES["kpn"])
    story = next(read_stories(tmp_path))
    assert "pl?tseling" in story.text and story.flags and "'?'" in story.flags[0]


# --- boilerplate ------------------------------------------------------------------------------------------

BOILERPLATE_DATA = resources.read_json(boilerplate.DATA_FILE)


@pytest.mark.parametrize("row", BOILERPLATE_DATA["lines"], ids=[r["example"][:40] for r in BOILERPLATE_DATA["lines"]])
def test_line_pattern_matches_its_example(row):
    assert re.search(row["pattern"], row["example"], re.IGNORECASE)
    assert boilerplate.classify(row["example"]) not in (None, boilerplate.BUTTONS)


@pytest.mark.parametrize("row", BOILERPLATE_DATA["cut_after"], ids=[r["example"][:40] for r in
                                                                     BOILERPLATE_DATA["cut_after"]])
def test_comment_header_pattern_matches_its_example(row):
    assert re.fullmatch(row["pattern"], row["example"], re.IGNORECASE)
    assert boilerplate.classify(row["example"]) == boilerplate.HEADER


@pytest.mark.parametrize("line", [
    *STORIES.values(),
    "Reactie van de klantenservice:",
    "Opmerkingen:",
    "Geen reactie op mijn brief, geen reactie op mijn mail.",
    "Ik heb hun e-mailadres gevonden op de website en daar een klacht heen gestuurd.",
    "Twitter",
    "Nee.",
    "Mijn reactie was kort: dit accepteer ik niet.",
    "Deel 2: de monteur komt",
    "Home sweet home, dacht ik, tot het internet uitviel.",
    "Lees ook de voorwaarden goed, zei de medewerker.",
    "Gedachten over de klantenservice van mijn bank",
    "Categorie: de ergste ervaring van dit jaar. Eerst > gebeld, toen gemaild.",
])
def test_story_lines_are_not_boilerplate(line):
    assert boilerplate.classify(line) in (None, boilerplate.BUTTONS)
    assert boilerplate.strip(line) == line


def test_strip_removes_banners_and_cuts_the_comment_section():
    page = "\n".join([
        "Spring naar inhoud", "",
        "We use cookies to improve this site.", "Accept all  Reject", "",
        STORIES["eneco"], "",
        "Nee.", "",
        STORIES["ns"], "",
        "Deel dit artikel: Facebook, Twitter, WhatsApp",
        "Probeer Plus een maand gratis",
        "12",
        "2 reacties",
        "Helemaal mee eens, bij mij ook zo gegaan.",
        "Laat een reactie achter",
        "Naam *",
    ])
    assert boilerplate.strip(page) == f"{STORIES['eneco']}\n\nNee.\n\n{STORIES['ns']}"
    kinds = [kind for kind, _ in boilerplate.explain(page)]
    assert {"navigation", "cookie banner", "buttons", "share buttons", "subscription ad", "comment section"} \
        <= set(kinds)


def test_a_comment_header_at_the_top_does_not_cut_the_story():
    text = "Reacties\n\n" + STORIES["ziggo"]
    assert boilerplate.strip(text) == STORIES["ziggo"]


def test_button_words_stay_when_no_banner_is_near():
    text = f"{STORIES['ziggo']}\n\nJa\n\n{STORIES['ing']}"
    assert boilerplate.strip(text) == text


def test_lines_repeated_across_the_run_are_dropped(tmp_path):
    tagline = "Klantleed: verhalen van gewone klanten, elke week nieuw"
    names = ["ziggo", "eneco", "postnl", "ns", "kpn"]
    for i, name in enumerate(names):
        head = f"{tagline}\n\n" if i < 3 else ""
        _write(tmp_path / f"{name}.txt", f"{head}{STORIES[name]}")
    stories = list(read_stories(tmp_path))
    assert [s.text for s in stories] == [STORIES[n] for n in sorted(names)]
    # below four files nothing counts as repeated
    assert boilerplate.repeated_lines([f"{tagline}\n{STORIES[n]}" for n in names[:3]]) == frozenset()


def test_copies_are_duplicates_not_furniture(tmp_path):
    """Three reposts in a run of six share their story line with half the run: the line is not
    furniture to drop from every copy, the copies are near duplicates of the first."""
    for name in ("ziggo", "eneco", "ns"):
        _write(tmp_path / f"{name}.txt", STORIES[name])
    for i, extra in enumerate(["", "Nogmaals geplaatst.", "Ook op het forum gezet."]):
        _write(tmp_path / f"kpn_{i}.txt", STORIES["kpn"] + (f"\n\n{extra}" if extra else ""))
    skipped: list[Skipped] = []
    stories = list(read_stories(tmp_path, skipped=skipped))
    assert [s.id for s in stories] == ["eneco", "kpn_0", "ns", "ziggo"]
    assert stories[1].text == STORIES["kpn"]
    assert [s.reason.split(" (")[0] for s in skipped] == [f"near duplicate of {tmp_path / 'kpn_0.txt'}"] * 2


SEED_HEADERS = re.compile(r"(reacties|\d+ reacties|geef een reactie|geen opmerkingen:|een reactie posten)",
                          re.IGNORECASE)
SEED_MARKERS = re.compile(r"cookie|reactie|opmerkingen|e-mailadres|vereiste velden|naar inhoud|accepteren",
                          re.IGNORECASE)


def _seed_boilerplate(raw: str) -> list[str]:
    """Lines of a seed post that are comment form or cookie banner, by this test's own markers: short lines
    with a marker, button rows beside them, and everything after the comment-section header."""
    lines = [" ".join(line.split()) for line in raw.splitlines()]
    found: list[str] = []
    after = False
    for i, line in enumerate(lines):
        if not line:
            continue
        if SEED_HEADERS.fullmatch(line) and i > 3:
            after = True
        short = len(line.split()) <= 15
        if after or (short and SEED_MARKERS.search(line)):
            found.append(line)
        elif short and set(line.lower().split()) <= {"yes", "no", "ja", "nee", "ok", "akkoord"}:
            found.append(line)
    return found


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the seed posts are read from {SEEDS}, which is absent here")
def test_no_seed_boilerplate_reaches_the_pipeline():
    seeds = sorted(SEEDS.glob("*.txt"))
    stories = {Path(s.path).name: s for s in read_stories(SEEDS)}
    assert set(stories) == {p.name for p in seeds}
    listed: dict[str, list[str]] = {}
    leaked: dict[str, list[str]] = {}
    for path in seeds:
        raw = corpus.decode(path.read_bytes())
        listed[path.name] = _seed_boilerplate(raw)
        kept = {" ".join(line.split()) for line in stories[path.name].text.splitlines()}
        leaked[path.name] = [line for line in listed[path.name] if line in kept]
        # the story itself stays: its first and last real paragraphs are there
        body = [" ".join(line.split()) for line in raw.splitlines() if len(line.split()) > 25]
        assert body[0] in kept and body[-1] in kept, path.name
    assert sum(len(v) for v in listed.values()) >= 10, listed  # the seeds do carry boilerplate to remove
    assert not any(leaked.values()), leaked


# --- language ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, dutch", [
    ("Weer gebeld.", True),  # too short to judge: kept
    ("Drie keer gebeld, niks opgelost.", True),  # py3langid says Afrikaans, but Dutch is not excluded
    ("KPN belt niet terug.", True),
    ("Ik wacht al twee weken op mijn pakket van bol.com.", True),
    *[(text, True) for text in STORIES.values()],
    ("Mijn laptop deed het niet. De helpdesk zei: 'Have you tried turning it off and on again?' Dat had ik "
     "natuurlijk al gedaan.", True),
    ("They never called me back.", False),
    ("Last week my internet went down. I called three times and they promised an engineer.", False),
    (ENGLISH, False),
    ("Letzte Woche ist mein Internet ausgefallen und niemand hat mich zurückgerufen.", False),
])
def test_language(text, dutch):
    assert (language.not_dutch(text) is None) is dutch


# --- duplicates -------------------------------------------------------------------------------------------

def test_duplicates_name_what_they_copy():
    index = dedupe.Index()
    long = STORIES["kpn"] + "\n\n" + STORIES["zorg"]
    assert index.check("a.txt", long) is None
    assert index.check("b.txt", long.upper() + "!!") == "duplicate of a.txt"
    near = long.replace("twaalf", "dertien") + " Nooit meer."
    assert index.check("c.txt", near).startswith("near duplicate of a.txt (similarity 0.")
    for name, text in STORIES.items():
        if name not in ("kpn", "zorg"):
            assert index.check(f"{name}.txt", text) is None, name
    assert index.check("short.txt", "Weer gebeld.") is None
    assert index.check("short2.txt", "weer gebeld") == "duplicate of short.txt"


# --- fuzz -------------------------------------------------------------------------------------------------

FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
SUFFIXES = [".txt", ".md", ".html", ".htm", ".jsonl", ".csv", ".txt.gz", ".csv.gz", ".bin"]


def _read_and_analyse(data: bytes, suffix: str, nlp) -> None:
    with tempfile.TemporaryDirectory() as folder:
        name = Path(folder) / f"fuzz{suffix}"
        name.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
        skipped: list[Skipped] = []
        stories = list(read_stories(folder, skipped=skipped, any_language=True))
        assert stories or skipped
        for story in stories:
            assert isinstance(story.text, str) and story.text.strip()
        records = list(runner.analyse_texts(stories, nlp=nlp, cache=False, skipped=skipped))
        assert len(records) + len(skipped) >= 1


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_fuzz_random_bytes_never_raise(nlp, data, suffix):
    _read_and_analyse(data, suffix, nlp)


@FUZZ
@given(text=st.text(max_size=2000), suffix=st.sampled_from(SUFFIXES),
       encoding=st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_fuzz_random_strings_never_raise(nlp, text, suffix, encoding):
    _read_and_analyse(text.encode(encoding, errors="surrogatepass"), suffix, nlp)
    analysed = list(runner.analyse_texts([StoryText("fuzz", text, "fuzz.txt")], nlp=nlp, cache=False,
                                         skipped=[]))
    assert len(analysed) <= 1


def test_reading_streams_after_the_boilerplate_sample(tmp_path, monkeypatch):
    """Only the sample is read ahead; the rest is read one story at a time."""
    from klantverhaal import corpus
    for i in range(6):
        (tmp_path / f"s{i}.txt").write_text(f"Verhaal {i}: ik heb KPN {i + 2} keer gebeld over mijn internet, "
                                            f"en pas na {i + 3} dagen kwam er een monteur langs.\n", encoding="utf-8")
    opened = []
    real = corpus.read_file
    monkeypatch.setattr(corpus, "read_file", lambda file, **kw: (opened.append(file.name), real(file, **kw))[1])
    stories = corpus.read_stories(tmp_path, sample=2)
    first = next(stories)
    assert first.text.startswith("Verhaal") and len(opened) <= 3
    assert len(list(stories)) == 5 and len(opened) == 6


def test_near_duplicates_are_found_across_index_commits(monkeypatch):
    """The on-disk index keeps finding copies (and ids) after its write batches were committed."""
    from klantverhaal import dedupe
    monkeypatch.setattr(dedupe, "COMMIT_EVERY", 4)
    index = dedupe.Index()
    stories = [f"Verhaal {i}: " + " ".join(f"woord{(i * 37 + k * 11) % 997}" for k in range(60)) for i in range(11)]
    assert all(index.check(f"s{i}.txt", text) is None for i, text in enumerate(stories))
    copy = stories[2].replace("Verhaal 2:", "Gedeeld verhaal:") + " Groet, Anna."
    assert index.check("kopie.txt", copy).startswith("near duplicate of s2.txt")
    assert index.check("exact.txt", stories[9]) == "duplicate of s9.txt"
    assert index.claim_id("s3", "s3.txt") is None
    assert index.claim_id("s3", "map/s3.txt") == "s3.txt"
    index.close()


def test_duplicate_index_lives_on_disk_and_is_removed(tmp_path, monkeypatch):
    """The index is a SQLite file in its own temporary folder, gone once the index is."""
    import gc

    from klantverhaal import dedupe
    monkeypatch.setattr(dedupe.tempfile, "tempdir", str(tmp_path))
    index = dedupe.Index()
    assert index.check("a.txt", "Drie keer gebeld over de storing en nog steeds geen monteur gezien.") is None
    assert [p.name for p in tmp_path.glob("klantverhaal-dedupe-*/*")] == ["index.sqlite"]
    index.close()
    del index
    gc.collect()
    assert not list(tmp_path.glob("klantverhaal-dedupe-*"))
