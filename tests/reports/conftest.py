"""Assessments built by hand from a mini model, so report tests do not depend on the matcher."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from analysis.types import Assessment, ElementResult, Evidence, Verdict
from modellaw import load_model
from statutes.model import StatuteMeta

FIXTURES = Path(__file__).parents[1] / "fixtures" / "reports"
MODEL_PATH = FIXTURES / "mini-model.xml"
CREATED = "2026-03-01T09:30:00+00:00"
REVIEW_BELOW = 0.75
SHA = "3f1d2c9a8b7e6d5c4b3a29180716f5e4d3c2b1a09f8e7d6c5b4a392817060504"

# provision id -> (verdict, confidence, {element id: [(unit, text, score)] for found elements},
#                  {element id: [(unit, text, score)]} for weak evidence of elements not found, notes)
EN = {
    "def-victim": (
        "covered",
        0.92,
        {
            "defined": [
                ("s. 2", '"victim" means any natural person who has been subject to trafficking in persons;', 1.0)
            ]
        },
        {},
        [],
    ),
    "offence-trafficking": (
        "covered",
        0.95,
        {
            "act": [
                (
                    "s. 3(1)",
                    "A person who recruits, transports, transfers, harbours or receives another person "
                    "for the purpose of exploitation commits an offence.",
                    1.0,
                )
            ],
            "purpose": [
                (
                    "s. 3(1)",
                    "A person who recruits, transports, transfers, harbours or receives another "
                    "person for the purpose of exploitation commits an offence.",
                    1.0,
                )
            ],
        },
        {},
        [],
    ),
    "attempt": ("missing", 1.0, {}, {}, []),
    "compensation": (
        "partial",
        0.7,
        {
            "from-offender": [
                (
                    "s. 17(1)",
                    "The court may make a compensation order against the convicted person in favour of the victim.",
                    1.0,
                )
            ]
        },
        {},
        ["missing: Covers material and moral damage"],
    ),
    "non-punishment": (
        "missing",
        0.75,
        {},
        {
            "not-liable": [
                (
                    "s. 9(2)",
                    "A victim shall not be detained in a place of detention for persons charged with an offence.",
                    0.5,
                )
            ]
        },
        [],
    ),
    "residence": (
        "covered",
        0.83,
        {
            "permit": [
                (
                    "s. 21",
                    "The Minister may issue a temporary residence permit to a victim of trafficking "
                    "who is a foreign national.",
                    1.0,
                )
            ]
        },
        {},
        [],
    ),
    "privacy": (
        "partial",
        0.7,
        {"closed-hearing": [("s. 12(1)", "Proceedings in which a victim gives evidence may be held in camera.", 1.0)]},
        {},
        ["missing: Publication of the victim's identity is prohibited"],
    ),
}

AR = {
    "def-victim": (
        "covered",
        0.9,
        {
            "defined": [
                ("المادة 1", "المجني عليه: الشخص الطبيعي الذي تعرض لأي ضرر مادي أو معنوي نتيجة الاتجار به.", 1.0)
            ]
        },
        {},
        [],
    ),
    "offence-trafficking": (
        "covered",
        0.95,
        {
            "act": [
                (
                    "المادة 2",
                    "يعد مرتكبا لجريمة الاتجار بالبشر كل من قام بتجنيد شخص أو نقله أو إيوائه "
                    "أو استقباله بغرض استغلاله.",
                    1.0,
                )
            ],
            "purpose": [
                (
                    "المادة 2",
                    "يعد مرتكبا لجريمة الاتجار بالبشر كل من قام بتجنيد شخص أو نقله أو إيوائه "
                    "أو استقباله بغرض استغلاله.",
                    1.0,
                )
            ],
        },
        {},
        [],
    ),
    "attempt": ("missing", 0.3, {}, {}, ["the model has no cues in 'ar' for this provision"]),
    "compensation": (
        "partial",
        0.7,
        {"from-offender": [("المادة 20", "للمجني عليه الحق في التعويض عن الضرر الذي لحق به.", 1.0)]},
        {},
        ["missing: Covers material and moral damage"],
    ),
    "non-punishment": (
        "missing",
        0.8,
        {},
        {"not-liable": [("المادة 21", "لا يجوز احتجاز المجني عليه في أماكن احتجاز المتهمين.", 0.5)]},
        [],
    ),
    "residence": (
        "covered",
        0.85,
        {"permit": [("المادة 22", "يجوز منح المجني عليه الأجنبي تصريح إقامة مؤقتة.", 1.0)]},
        {},
        [],
    ),
    "privacy": (
        "partial",
        0.7,
        {"closed-hearing": [("المادة 23", "تعقد جلسات المحاكمة بصورة سرية إذا اقتضت مصلحة المجني عليه ذلك.", 1.0)]},
        {},
        ["missing: Publication of the victim's identity is prohibited"],
    ),
}


def build(model, spec: dict, meta: StatuteMeta, language: str, units: int = 42, sha: str = SHA) -> Assessment:
    verdicts = []
    offset = 0
    for p in model.provisions:
        verdict, confidence, found, weak, notes = spec[p.id]
        elements, evidence, seen = [], [], set()
        for e in p.elements:
            quotes = found.get(e.id) or weak.get(e.id) or []
            evs = []
            for unit, text, score in quotes:
                start = offset if (unit, text) not in seen else next(x.start for x in evidence if x.text == text)
                ev = Evidence(
                    unit_id=re.sub(r"\W+", "_", unit).strip("_"),
                    unit=unit,
                    text=text,
                    start=start,
                    end=start + len(text),
                    score=score,
                    cue="",
                )
                evs.append(ev)
                if (unit, text) not in seen:
                    seen.add((unit, text))
                    evidence.append(ev)
                    offset += len(text) + 1
            elements.append(
                ElementResult(
                    e.id, e.label, e.essential, e.id in found, 1.0 if e.id in found else (0.5 if evs else 0.0), evs
                )
            )
        # confidences stand for calibrated probabilities; under REVIEW_BELOW a verdict needs review
        verdicts.append(
            Verdict(
                p,
                verdict,
                confidence,
                elements,
                evidence,
                list(notes),
                calibrated=True,
                review=confidence < REVIEW_BELOW,
            )
        )
    return Assessment(
        model=model,
        statute=meta,
        language=language,
        unit_count=units,
        verdicts=verdicts,
        created=CREATED,
        tool_version="0.1.0",
        statute_sha256=sha,
    )


@pytest.fixture(scope="session")
def model():
    return load_model(MODEL_PATH)


@pytest.fixture(scope="session")
def assessment(model) -> Assessment:
    meta = StatuteMeta(
        path="/srv/statutes/fd-trafficking-2012.txt",
        format="txt",
        title="Prevention of Trafficking in Persons Act",
        country="Freedonia",
        year="2012",
        language="en",
    )
    return build(model, EN, meta, "en")


@pytest.fixture(scope="session")
def assessment_ar(model) -> Assessment:
    meta = StatuteMeta(
        path="/srv/statutes/xx-trafficking-2010.txt",
        format="txt",
        title="قانون مكافحة الاتجار بالأشخاص (نص للاختبار)",
        country="بلد افتراضي",
        year="2010",
        language="ar",
    )
    return build(model, AR, meta, "ar", units=37)


SCRIPT = "<script>alert(1)</script>"
TEMPLATE = "{{ 7*7 }}"
FORMULA = '=HYPERLINK("http://evil.example/x","click")'


@pytest.fixture(scope="session")
def hostile(model) -> Assessment:
    """Statute words that are markup, template syntax and spreadsheet formulas."""
    spec = dict(EN)
    spec["offence-trafficking"] = (
        "covered",
        0.9,
        {
            "act": [("s. 3(1)", f"Whoever recruits {SCRIPT} a person commits an offence {TEMPLATE}.", 1.0)],
            "purpose": [("s. 3(2)", FORMULA, 1.0)],
        },
        {},
        [],
    )
    spec["non-punishment"] = (
        "missing",
        0.7,
        {},
        {"not-liable": [("s. 9 <b>x</b>", f'-1+2 {TEMPLATE} <img src="http://evil.example/p.png">', 0.5)]},
        [],
    )
    meta = StatuteMeta(
        path="/srv/statutes/hostile.txt",
        format="txt",
        title=f"Act {SCRIPT} {TEMPLATE}",
        country="@SUM(A1:A9)",
        year="+2012",
        language="en",
    )
    return build(model, spec, meta, "en")


@pytest.fixture
def replace():
    return dataclasses.replace


SAMPLE = Path(__file__).parents[2] / "data" / "samples" / "ke-counter-trafficking-2010-excerpt.txt"


@pytest.fixture(scope="session")
def kenya_assessment() -> Assessment:
    """A real statute against the shipped 2009 model: the bundled excerpt of the Kenyan Act (small, always there)."""
    from analysis import assess
    from modellaw import resolve_model
    from statutes import read_statute

    return assess(read_statute(SAMPLE), resolve_model("tip-2009"))


# --- headless Chromium -------------------------------------------------------------------------
CHROMIUM = Path("/usr/bin/chromium")


class Chromium:
    """Runs Debian's chromium headless, offline: every host name resolves to nothing."""

    FLAGS = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions",
        "--mute-audio",
        "--host-resolver-rules=MAP * ~NOTFOUND",
    ]

    def __init__(self, tmp: Path):
        self.tmp = tmp

    def run(self, page: Path, *args: str, timeout: int = 120):
        import subprocess

        profile = self.tmp / f"profile-{page.stem}-{len(list(self.tmp.iterdir()))}"
        cmd = [str(CHROMIUM), *self.FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)

    def dump_dom(self, page: Path) -> str:
        res = self.run(page, "--dump-dom")
        assert res.returncode == 0, res.stderr[-2000:]
        return res.stdout

    def page_requests(self, page: Path) -> list[str]:
        """URLs the page itself asked for (not Chromium's own background calls), from a NetLog."""
        import json

        log = self.tmp / f"netlog-{page.stem}.json"
        res = self.run(page, f"--log-net-log={log}", "--dump-dom")
        assert res.returncode == 0, res.stderr[-2000:]
        events = json.loads(log.read_text(encoding="utf-8")).get("events", [])
        urls = set()
        for e in events:
            p = e.get("params") or {}
            url = p.get("url")
            # A request made on behalf of the file:// page is keyed to that page's site.
            if url and "file://" in str(p.get("network_isolation_key", "")) and not url.startswith(("file:", "data:")):
                urls.add(url)
        return sorted(urls)

    def screenshot(self, page: Path, size: str = "1000,1400") -> Path:
        out = self.tmp / f"shot-{page.stem}.png"
        res = self.run(page, f"--window-size={size}", "--hide-scrollbars", f"--screenshot={out}")
        assert res.returncode == 0 and out.exists(), res.stderr[-2000:]
        return out


@pytest.fixture
def chromium(tmp_path):
    if not CHROMIUM.exists():
        pytest.skip(
            "/usr/bin/chromium is absent (`make test` installs Debian's chromium; or: apt-get install -y chromium)"
        )
    return Chromium(tmp_path)


@pytest.fixture
def pdftotext():
    import shutil

    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext is absent (`make test` installs poppler-utils; or: apt-get install -y poppler-utils)")

    def run(pdf: Path, *args: str) -> str:
        import subprocess

        res = subprocess.run([exe, "-enc", "UTF-8", *args, str(pdf), "-"], capture_output=True, timeout=60)
        assert res.returncode == 0, res.stderr
        return res.stdout.decode("utf-8")

    return run
