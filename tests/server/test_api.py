"""The JSON API and the pages, end to end in process: uploads, reviews, restarts, hostile input, CSRF."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.server.conftest import KEY, SAMPLE, browser_token

SAMPLE_BYTES = SAMPLE.read_bytes()


def upload(client, name=SAMPLE.name, data=SAMPLE_BYTES, form=None, **kw):
    return client.post(
        "/api/assessments", files={"file": (name, data, "application/octet-stream")}, data=form or {}, **kw
    )


def test_upload_review_and_find_it_after_a_restart(client, make_app, tmp_path):
    r = upload(client, form={"lang": "en"})
    assert r.status_code == 201, r.text
    d = r.json()
    assert d["schema"] == "modellaw.assessment/1" and isinstance(d["id"], int)
    assert r.headers["location"] == f"/api/assessments/{d['id']}"
    assert d["keys"][KEY] == "covered" and d["reviews"] == {}
    aid = d["id"]

    r = client.post(
        f"/api/assessments/{aid}/reviews",
        json={"key": KEY, "verdict": "partial", "note": "court order only", "reviewer": "Ana"},
    )
    assert r.status_code == 201, r.text
    assert r.json() | {"at": ""} == {
        "id": 1,
        "assessment": aid,
        "key": KEY,
        "verdict": "partial",
        "note": "court order only",
        "reviewer": "Ana",
        "at": "",
        "tool_verdict": "covered",
    }

    restarted = TestClient(make_app(), base_url="http://127.0.0.1")  # a new process: nothing cached
    d = restarted.get(f"/api/assessments/{aid}").json()
    assert d["keys"][KEY] == "partial" and d["reviews"][KEY]["note"] == "court order only"
    page = restarted.get(f"/assessments/{aid}").text
    assert "court order only" in page and "Reviewer's verdict" in page
    listing = restarted.get("/").text
    assert f'href="/assessments/{aid}?lang=en"' in listing
    rows = restarted.get("/api/assessments").json()
    assert [(r["id"], r["reviews"], r["name"]) for r in rows] == [(aid, 1, SAMPLE.name)]


def test_the_page_marks_every_evidence_span_and_links_provisions_to_it(client):
    aid = upload(client).json()["id"]
    d = client.get(f"/api/assessments/{aid}").json()
    page = client.get(f"/assessments/{aid}").text
    with_evidence = {p["id"] for p in d["provisions"] if p["evidence"]}
    anchors = set(re.findall(r'data-anchor="([^"]+)"', page))
    assert with_evidence and anchors == with_evidence
    marked = {pid for m in re.findall(r'<mark class="ev" data-prov="([^"]+)">', page) for pid in m.split()}
    assert marked == with_evidence
    # the statute's words come through whole, in order, once the markup is removed
    import html

    statute = re.search(r'<section id="statute"[^>]*>(.*?)</section>', page, re.S).group(1)
    assert "Counter-Trafficking" in html.unescape(re.sub(r"<[^>]+>", "", statute))


@pytest.mark.parametrize(
    "lang, direction, word",
    [("en", "ltr", "Covered"), ("fr", "ltr", "Couvert"), ("ar", "rtl", "مشمول"), ("es", "ltr", "Cubierta")],
)
def test_pages_in_the_report_languages(client, lang, direction, word):
    aid = upload(client).json()["id"]
    page = client.get(f"/assessments/{aid}?lang={lang}").text
    assert f'<html lang="{lang}" dir="{direction}">' in page
    assert word in page


def test_nothing_is_fetched_from_elsewhere(client):
    aid = upload(client).json()["id"]
    for url in ("/", f"/assessments/{aid}"):
        r = client.get(url)
        refs = re.findall(r'(?:src|href|action)="([^"]*)"', r.text)
        assert refs and all(ref.startswith(("/", "?", "#")) for ref in refs), refs
        assert "default-src 'none'" in r.headers["content-security-policy"]
    assert client.get("/static/app.js").status_code == 200


@pytest.mark.parametrize(
    "name, data, status, message",
    [
        ("virus.exe", b"MZ\x90\x00", 415, "virus.exe: not a supported statute file"),
        ("old.doc", b"\xd0\xcf\x11\xe0", 415, "old.doc: legacy Word .doc is not supported"),
        ("fake.pdf", b"<html>not a pdf</html>", 422, "fake.pdf: "),
        ("empty.txt", b"", 422, "empty.txt: the file is empty"),
        ("bomb.docx", b"PK\x03\x04" + b"\x00" * 60, 422, "bomb.docx:"),
        (
            "entities.xml",
            b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>',
            422,
            "entities.xml:",
        ),
    ],
)
def test_hostile_uploads_get_a_4xx_with_a_one_line_reason(client, tmp_path, name, data, status, message):
    r = upload(client, name=name, data=data)
    assert r.status_code == status, r.text
    detail = r.json()["detail"]
    assert detail.startswith(message) and "\n" not in detail and str(tmp_path) not in detail
    assert not list((tmp_path / "uploads").glob("*.*")) if (tmp_path / "uploads").exists() else True


def test_an_upload_over_the_size_limit_is_cut_off(client, tmp_path, monkeypatch):
    monkeypatch.setenv("MODELLAW_MAX_BYTES", "1000")
    r = upload(client, name="big.txt", data=b"a" * 5000)
    assert r.status_code == 413 and "over the 1,000-byte limit" in r.json()["detail"]
    assert not [p for p in (tmp_path / "uploads").iterdir()]


@pytest.mark.parametrize("name", ["../../../escape.txt", "/etc/passwd.txt", "..\\..\\win.txt", "a\x00b.txt", "CON.txt"])
def test_uploaded_names_never_become_paths(client, tmp_path, name):
    r = upload(client, name=name)
    assert r.status_code == 201, r.text
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert all(p.parent in (tmp_path, tmp_path / "uploads") for p in files), files
    assert all(re.fullmatch(r"[0-9a-f]{64}\.txt", p.name) for p in (tmp_path / "uploads").iterdir())


def test_a_request_without_file_or_with_a_bad_language(client):
    assert client.post("/api/assessments").status_code == 400
    r = client.post("/api/assessments", files={"file": ("a.txt", SAMPLE_BYTES)}, data={"lang": "klingon"})
    assert r.status_code == 422 and "klingon" in r.json()["detail"]


@pytest.mark.parametrize(
    "body, status, message",
    [
        ({"key": "no.such", "verdict": "partial"}, 422, "not a protection key"),
        ({"key": KEY, "verdict": "sort-of"}, 422, "not one of"),
        ({"key": KEY, "verdict": "partial", "note": 5}, 422, "must be strings"),
        ({"key": KEY, "verdict": "partial", "note": "x" * 5000}, 422, "over 4000"),
        ([1, 2], 400, "JSON object"),
    ],
)
def test_bad_reviews_are_refused(client, body, status, message):
    aid = upload(client).json()["id"]
    r = client.post(f"/api/assessments/{aid}/reviews", json=body)
    assert r.status_code == status and message in r.json()["detail"]
    assert client.get(f"/api/assessments/{aid}").json()["reviews"] == {}


def test_unknown_assessment_is_404(client):
    assert client.get("/api/assessments/999").status_code == 404
    assert client.get("/assessments/999").status_code == 404
    assert client.post("/api/assessments/999/reviews", json={"key": KEY, "verdict": "partial"}).status_code == 404


def test_csrf_a_browser_needs_the_pages_token(client):
    token = browser_token(client)  # the client now holds the page's cookie, as a browser does
    assert upload(client).status_code == 403  # no token
    assert upload(client, headers={"X-CSRF-Token": "x" * 43}).status_code == 403  # a wrong one
    assert upload(client, headers={"X-CSRF-Token": token, "Origin": "http://evil.example"}).status_code == 403
    r = upload(client, headers={"X-CSRF-Token": token, "Origin": "http://127.0.0.1"})
    assert r.status_code == 201
    aid = r.json()["id"]
    form = client.post(
        "/assessments",
        files={"file": ("ke.txt", SAMPLE_BYTES)},
        data={"csrf_token": token},
        follow_redirects=False,
    )
    assert form.status_code == 303 and form.headers["location"] == f"/assessments/{aid + 1}"
    assert client.post("/assessments", files={"file": ("ke.txt", SAMPLE_BYTES)}).status_code == 403
    review = {"key": KEY, "verdict": "missing"}
    assert client.post(f"/api/assessments/{aid}/reviews", json=review).status_code == 403
    assert (
        client.post(f"/api/assessments/{aid}/reviews", json=review, headers={"X-CSRF-Token": token}).status_code == 201
    )


def test_other_host_names_are_refused(client):
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400  # DNS rebinding


def test_a_review_made_in_the_app_shows_in_the_cli(client, tmp_path):
    import json

    from typer.testing import CliRunner

    from analysis.evaluate import read_gold_rows
    from cli import app

    aid = upload(client, name="kenya excerpt.txt").json()["id"]
    review = {"key": KEY, "verdict": "missing", "note": "no fund", "reviewer": "Ana"}
    assert client.post(f"/api/assessments/{aid}/reviews", json=review).status_code == 201
    db = str(tmp_path / "db.sqlite")
    runner = CliRunner()

    res = runner.invoke(app, ["compare", str(SAMPLE), "--format", "json", "--db", db])
    assert res.exit_code == 0 and json.loads(res.output)["reviews"][KEY]["note"] == "no fund"
    res = runner.invoke(app, ["history", "Kenya", "--db", db])
    assert res.exit_code == 0 and "[reviewed by Ana: no fund; tool: covered]" in res.output
    res = runner.invoke(app, ["evaluate", "--reviews", "--db", db, "--format", "json", "--no-held-out"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["statutes"]["kenya_excerpt"]["accuracy"] == 0.0
    res = runner.invoke(app, ["reviews", "export", str(tmp_path / "gold"), "--db", db])
    assert res.exit_code == 0
    assert read_gold_rows(tmp_path / "gold" / "kenya_excerpt.csv") == {KEY: ("missing", [])}


def test_statute_words_and_review_notes_are_text_not_markup(client):
    hostile = SAMPLE_BYTES.replace(b"Short title", b"Short <script>alert(1)</script> title", 1)
    aid = upload(client, name="<img src=x onerror=alert(1)>.txt", data=hostile).json()["id"]
    note = '<script>alert("note")</script>'
    assert (
        client.post(
            f"/api/assessments/{aid}/reviews", json={"key": KEY, "verdict": "partial", "note": note}
        ).status_code
        == 201
    )
    for url in (f"/assessments/{aid}", "/"):
        page = client.get(url).text
        assert "<script>alert" not in page and "<img src=x" not in page
    page = client.get(f"/assessments/{aid}").text
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;script&gt;alert(&#34;note&#34;)&lt;/script&gt;" in page
    )
