"""The JSON contract `modellaw.assessment/1`: every documented field, with its type (docs/json-contract.md)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from reports import SCHEMA, assessment_to_dict, render

GOLDEN = Path(__file__).parents[1] / "fixtures" / "reports" / "golden"
VERDICTS = {"covered", "partial", "missing"}
STATUSES = {"mandatory", "optional", "general"}
OPT_STR = (str, type(None))


def check(obj: dict, spec: dict, where: str) -> None:
    for field, types in spec.items():
        assert field in obj, f"{where}.{field} is missing"
        assert isinstance(obj[field], types), f"{where}.{field}: {type(obj[field]).__name__} is not {types}"
        assert not (isinstance(obj[field], bool) and bool not in (types if isinstance(types, tuple) else (types,))), (
            f"{where}.{field} is a boolean"
        )


def test_top_level_fields_and_types(assessment):
    d = json.loads(render(assessment, "json"))
    assert d == assessment_to_dict(assessment)
    check(
        d,
        {
            "schema": str,
            "tool": dict,
            "created": str,
            "model": dict,
            "statute": dict,
            "summary": dict,
            "keys": dict,
            "provisions": list,
        },
        "$",
    )
    assert d["schema"] == SCHEMA == "modellaw.assessment/1"
    check(d["tool"], {"name": str, "version": str}, "tool")
    assert d["tool"] == {"name": "modellaw", "version": "0.1.0"}
    check(d["model"], {"id": str, "version": str, "title": str}, "model")
    check(
        d["statute"],
        {
            "title": OPT_STR,
            "country": OPT_STR,
            "year": OPT_STR,
            "language": str,
            "path": OPT_STR,
            "format": OPT_STR,
            "units": int,
            "sha256": OPT_STR,
        },
        "statute",
    )
    assert d["statute"]["units"] == 42 and len(d["statute"]["sha256"]) == 64


def test_summary_counts_agree_with_provisions(assessment):
    d = assessment_to_dict(assessment)
    s = d["summary"]
    check(
        s,
        {
            "total": int,
            "covered": int,
            "partial": int,
            "missing": int,
            "mandatory": dict,
            "mandatory_gaps": list,
            "by_chapter": dict,
        },
        "summary",
    )
    provs = d["provisions"]
    assert s["total"] == len(provs) == 7
    for v in VERDICTS:
        assert s[v] == sum(p["verdict"] == v for p in provs)
        assert s["mandatory"][v] == sum(p["verdict"] == v and p["status"] == "mandatory" for p in provs)
    assert s["mandatory_gaps"] == [p["id"] for p in provs if p["status"] == "mandatory" and p["verdict"] != "covered"]
    assert s["mandatory_gaps"] == ["attempt", "compensation"]
    assert list(s["by_chapter"]) == ["II", "V", "VII"]  # the model's chapter order
    for cid, row in s["by_chapter"].items():
        check(row, {"title": str, "total": int, "covered": int, "partial": int, "missing": int}, f"by_chapter.{cid}")
        assert row["total"] == sum(p["chapter"] == cid for p in provs)
        assert row["total"] == row["covered"] + row["partial"] + row["missing"]
    assert s["by_chapter"]["VII"] == {
        "title": "Protection of victims",
        "total": 3,
        "covered": 1,
        "partial": 2,
        "missing": 0,
    }


def test_keys_take_the_weakest_verdict(assessment):
    d = assessment_to_dict(assessment)
    assert set(d["keys"].values()) <= VERDICTS
    assert d["keys"]["offence.attempt"] == "missing"
    assert d["keys"]["victim.compensation"] == "partial"
    assert d["keys"]["offence.trafficking"] == "covered"


def test_provision_fields_and_types(assessment):
    d = assessment_to_dict(assessment)
    for p in d["provisions"]:
        w = f"provisions[{p.get('id')}]"
        check(
            p,
            {
                "id": str,
                "article": OPT_STR,
                "keys": list,
                "title": str,
                "chapter": str,
                "chapter_title": str,
                "status": str,
                "summary": str,
                "verdict": str,
                "confidence": float,
                "elements": list,
                "evidence": list,
                "missing_elements": list,
                "notes": list,
            },
            w,
        )
        assert p["status"] in STATUSES and p["verdict"] in VERDICTS
        assert 0.0 <= p["confidence"] <= 1.0
        assert all(isinstance(k, str) for k in p["keys"]) and p["keys"]
        for e in p["elements"]:
            check(e, {"id": str, "label": str, "essential": bool, "found": bool}, f"{w}.elements")
        for ev in p["evidence"]:
            check(
                ev,
                {"unit": str, "unit_id": str, "text": str, "score": float, "start": int, "end": int},
                f"{w}.evidence",
            )
            assert 0.0 <= ev["score"] <= 1.0 and ev["start"] <= ev["end"]
        assert p["missing_elements"] == [e["label"] for e in p["elements"] if not e["found"]]
        assert all(isinstance(n, str) for n in p["notes"])
    by_id = {p["id"]: p for p in d["provisions"]}
    assert [p["id"] for p in d["provisions"]] == [p.id for p in assessment.model.provisions]  # the model's order
    assert by_id["compensation"]["article"] is None and by_id["attempt"]["article"] == "14"
    assert by_id["compensation"]["missing_elements"] == ["Covers material and moral damage", "A State fund for victims"]
    assert by_id["non-punishment"]["verdict"] == "missing" and by_id["non-punishment"]["evidence"]  # closest words


def test_unstated_metadata_is_null_not_empty(assessment, replace):
    from statutes.model import StatuteMeta

    a = replace(assessment, statute=StatuteMeta(path="x.txt"), statute_sha256="")
    st = assessment_to_dict(a)["statute"]
    assert st["title"] is None and st["country"] is None and st["year"] is None and st["sha256"] is None
    assert st["path"] == "x.txt" and st["language"] == "en"


def test_json_does_not_depend_on_report_language(assessment_ar):
    assert render(assessment_ar, "json", "ar") == render(assessment_ar, "json", "en")
    assert "المادة 20" in render(assessment_ar, "json")  # not \\u-escaped


def test_json_golden(assessment):
    """The whole document for the fixture; regenerate with UPDATE_GOLDEN=1 after a deliberate change."""
    out = render(assessment, "json")
    path = GOLDEN / "assessment.en.json"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(out, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run with UPDATE_GOLDEN=1"
    assert out == path.read_text(encoding="utf-8")


def test_review_flags_and_key_results(assessment):
    d = assessment_to_dict(assessment)
    for p in d["provisions"]:
        check(p, {"calibrated": bool, "review": bool}, f"provisions[{p['id']}]")
    assert d["summary"]["needs_review"] == [p["id"] for p in d["provisions"] if p["review"]]
    assert d["summary"]["needs_review"] == ["compensation", "privacy"]  # the two verdicts at 0.70
    kr = d["key_results"]
    assert set(kr) == set(d["keys"])  # key_results adds to keys, one entry per key
    by_id = {p["id"]: p for p in d["provisions"]}
    for key, r in kr.items():
        check(r, {"verdict": str, "confidence": float, "review": bool, "provisions": list}, f"key_results[{key}]")
        assert r["verdict"] == d["keys"][key]
        weakest = [by_id[i] for i in r["provisions"] if by_id[i]["verdict"] == r["verdict"]]
        assert weakest and r["confidence"] in {p["confidence"] for p in weakest}
        assert r["review"] == any(p["review"] for p in weakest if p["confidence"] == r["confidence"])
    assert kr["victim.compensation"]["review"] is True and kr["offence.trafficking"]["review"] is False
