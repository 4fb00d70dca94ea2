"""Check a fresh set before it is scored: python scripts/verify_set.py DIR

Every .txt (except scratch files) has exactly one gold line, labels are valid (SPEC), every
wait text occurs verbatim in its story. Prints the problems, or OK with the count."""
import json, sys, pathlib
SECTORS = set("telecom energy transport airline delivery retail bank insurance government electronics healthcare housing security other".split())
CHANNELS = set("phone ivr email letter shop visit chat app website webform sms twitter facebook".split())
d = pathlib.Path(sys.argv[1])
stories = {p.stem: p.read_text(encoding="utf-8") for p in d.glob("*.txt") if not p.stem.startswith("scratch")}
problems = []
seen = set()
for n, line in enumerate((d / "gold.jsonl").read_text(encoding="utf-8").splitlines(), 1):
    if not line.strip():
        continue
    try:
        rec = json.loads(line)
    except ValueError as e:
        problems.append(f"line {n}: not JSON ({e})"); continue
    rid = rec.get("id")
    if rid not in stories:
        problems.append(f"line {n}: id {rid!r} has no .txt file"); continue
    if rid in seen:
        problems.append(f"{rid}: two gold lines")
    seen.add(rid)
    text = stories[rid]
    if not isinstance(rec.get("mentions"), list):
        problems.append(f"{rid}: mentions must be a list")
    for e in rec.get("experiences", []):
        c = e.get("company")
        if not c:
            problems.append(f"{rid}: experience without company")
        if e.get("sector") not in SECTORS:
            problems.append(f"{rid}/{c}: bad sector {e.get('sector')!r}")
        bad = set(e.get("channels", [])) - CHANNELS
        if bad:
            problems.append(f"{rid}/{c}: bad channels {sorted(bad)}")
        ct = e.get("contacts")
        if ct is not None and (not isinstance(ct.get("min"), int) or not isinstance(ct.get("exact"), bool)):
            problems.append(f"{rid}/{c}: contacts must be {{'min': int, 'exact': bool}} or null")
        if e.get("friendliness") not in (-1, 0, 1, None):
            problems.append(f"{rid}/{c}: friendliness must be -1, 0, 1 or null")
        if e.get("resolved") not in (True, False, None):
            problems.append(f"{rid}/{c}: resolved must be true, false or null")
        for w in e.get("waits", []):
            if w.get("text") not in text:
                problems.append(f"{rid}/{c}: wait text {w.get('text')!r} not verbatim in the story")
            if w.get("kind") not in ("waited", "promised"):
                problems.append(f"{rid}/{c}: wait kind {w.get('kind')!r}")
            lo, hi = w.get("min_h"), w.get("max_h")
            if not isinstance(lo, (int, float)) or (hi is not None and hi < lo):
                problems.append(f"{rid}/{c}: wait {w.get('text')!r} min_h/max_h wrong")
for rid in sorted(set(stories) - seen):
    problems.append(f"{rid}: story without gold line")
print("\n".join(problems) if problems else f"OK: {len(seen)} stories")
