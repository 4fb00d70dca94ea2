"""Export the klantverhaal pipeline for plain spaCy: ``spacy.load("models/klantverhaal_nl")``.

    python scripts/export_model.py                  # -> models/klantverhaal_nl
    python scripts/export_model.py /tmp/kv_nl       # anywhere else

The pipeline is ``pipeline.build_nlp()`` written with ``nlp.to_disk``: the span
rulers' patterns (brands, kinds, cues) and the tuned tokenizer are saved in the
folder; the three custom components are found through the
``spacy_factories`` entry points of the installed klantverhaal package and
read their own data from it. Re-run after changing companies.csv,
company_kinds.jsonl, channels.jsonl, contacts.jsonl or judgements.jsonl:
tests/test_model.py fails while the folder is stale.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "models" / "klantverhaal_nl"


def export(path: Path) -> Path:
    import spacy

    from klantverhaal import __version__
    from klantverhaal.pipeline import build_nlp

    nlp = build_nlp()
    nlp.meta.update({
        "name": "klantverhaal_nl",
        "version": __version__,
        "description": "klantverhaal's Dutch rule pipeline: companies, kinds, channel/contact/judgement cues "
                       "and waits as span groups (companies, kinds, cues, waits). Needs the klantverhaal package "
                       "installed for its custom components.",
        "author": "klantverhaal",
        "license": "MIT",
        "url": "",
        "spacy_version": f">={spacy.__version__.rsplit('.', 1)[0]}.0,<3.9.0",
        "requirements": [f"klantverhaal>={__version__}"],
    })
    if path.exists():
        shutil.rmtree(path)
    nlp.to_disk(path)
    return path


def size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


if __name__ == "__main__":
    out = export(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
    print(f"wrote {out} ({size(out) / 1e6:.1f} MB)")
