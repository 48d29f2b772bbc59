"""Fixtures for the web app: an app on a fresh database, a client that holds the page's CSRF token."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "samples" / "ke-counter-trafficking-2010-excerpt.txt"
KEY = "victim.compensation"


@pytest.fixture(scope="session")
def model():
    from modellaw import resolve_model

    return resolve_model("tip-2009")


@pytest.fixture
def make_app(tmp_path, model):
    from server.app import create_app

    return lambda: create_app(tmp_path / "db.sqlite", model)


@pytest.fixture
def client(make_app):
    """A client as a program uses the API: no cookie, no Origin (so no CSRF token is needed)."""
    from fastapi.testclient import TestClient

    return TestClient(make_app(), base_url="http://127.0.0.1")


def browser_token(client) -> str:
    """Open the page as a browser would (it sets the cookie); the token the page carries."""
    html = client.get("/").text
    return re.search(r'<meta name="csrf-token" content="([^"]+)">', html).group(1)
