"""The app in a real browser (headless Debian Chromium through Selenium): upload, click, highlight, review, reload.

Screenshots are written to $MODELLAW_SCREENSHOTS (default: the test's tmp folder) to be looked at.
Skips, saying why, when Chromium, chromedriver or Selenium is not there (`make test` installs them).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.server.conftest import SAMPLE

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
pytestmark = pytest.mark.skipif(
    not (os.access(CHROMIUM, os.X_OK) and os.access(DRIVER, os.X_OK)),
    reason="needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path, model):
    """`modellaw serve` in a thread on a free port; yields its base URL."""
    import uvicorn

    from server.app import create_app

    port = _free_port()
    srv = uvicorn.Server(
        uvicorn.Config(create_app(tmp_path / "db.sqlite", model), host="127.0.0.1", port=port, log_level="warning")
    )
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    t.join(10)


@pytest.fixture
def browser():
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    opts = Options()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,900"):
        opts.add_argument(arg)
    try:
        driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    except Exception as exc:  # noqa: BLE001 - a browser that cannot start here is a skip, with the reason
        pytest.skip(f"chromium could not start: {str(exc).splitlines()[0]}")
    driver.set_page_load_timeout(120)
    yield driver
    driver.quit()


@pytest.fixture
def shots(tmp_path) -> Path:
    d = Path(os.environ.get("MODELLAW_SCREENSHOTS") or tmp_path / "screenshots")
    d.mkdir(parents=True, exist_ok=True)
    return d


def _wait(driver, cond, timeout=120):
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    # The page is replaced while it is polled (a form posts and reloads): an element found just before
    # that goes stale; look again rather than fail.
    def settled(d):  # the driver can also report a node "not in the document" mid-reload: poll again
        try:
            return cond(d)
        except WebDriverException:
            return False

    ignored = (NoSuchElementException, StaleElementReferenceException)
    return WebDriverWait(driver, timeout, ignored_exceptions=ignored).until(settled)


def test_upload_click_highlight_review_reload(server, browser, shots):
    from selenium.webdriver.common.by import By

    b = browser
    b.get(server + "/")
    b.find_element(By.CSS_SELECTOR, "#upload input[type=file]").send_keys(str(SAMPLE))
    b.find_element(By.CSS_SELECTOR, "#upload button[type=submit]").click()
    _wait(b, lambda d: "/assessments/" in d.current_url and d.find_elements(By.CSS_SELECTOR, "mark.ev"))
    b.save_screenshot(str(shots / "1-assessment.png"))

    pid = "victim-compensation"
    assert not b.find_elements(By.CSS_SELECTOR, "mark.ev.active")
    b.find_element(By.CSS_SELECTOR, f'button.goto[data-prov="{pid}"]').click()
    _wait(b, lambda d: d.find_elements(By.CSS_SELECTOR, "mark.ev.active"), 10)
    active = b.find_elements(By.CSS_SELECTOR, "mark.ev.active")
    assert all(pid in m.get_attribute("data-prov").split() for m in active)
    assert "Restitution" in " ".join(m.text for m in active)
    first = active[0]
    in_view = b.execute_script(
        "const r = arguments[0].getBoundingClientRect(), p = arguments[0].closest('section').getBoundingClientRect();"
        "return r.top >= p.top && r.bottom <= p.bottom;",
        first,
    )
    assert in_view, "the evidence was not scrolled into view"
    colour = b.execute_script("return getComputedStyle(arguments[0]).backgroundColor", first)
    assert colour == "rgb(255, 183, 77)"  # the highlight (#ffb74d), not the plain evidence colour
    assert "selected" in b.find_element(By.ID, f"p-{pid}").get_attribute("class")
    b.save_screenshot(str(shots / "2-provision-clicked.png"))

    art = b.find_element(By.ID, f"p-{pid}")
    art.find_element(By.CSS_SELECTOR, "details.review summary").click()
    form = art.find_element(By.CSS_SELECTOR, "form.review-form")
    form.find_element(By.CSS_SELECTOR, "select[name=verdict] option[value=partial]").click()
    form.find_element(By.NAME, "reviewer").send_keys("Ana")
    form.find_element(By.NAME, "note").send_keys("Court-ordered only; no State fund")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    _wait(b, lambda d: "no State fund" in d.find_element(By.ID, f"p-{pid}").text)
    b.save_screenshot(str(shots / "3-reviewed.png"))

    b.refresh()
    _wait(b, lambda d: d.find_elements(By.ID, f"p-{pid}"))
    text = b.find_element(By.ID, f"p-{pid}").text
    assert "Reviewer's verdict: Partly covered (Ana) — Court-ordered only; no State fund" in text
    assert "Tool's verdict: Covered" in text

    url = b.current_url.split("?")[0]
    b.get(url + "?lang=ar")
    _wait(b, lambda d: d.find_elements(By.CSS_SELECTOR, "mark.ev"))
    assert b.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    b.save_screenshot(str(shots / "4-arabic.png"))

    b.get(server + "/")
    assert "1" in b.find_element(By.CSS_SELECTOR, "table.assessments tbody tr").text


def test_a_hostile_upload_shows_its_reason_on_the_page(server, browser, tmp_path):
    from selenium.webdriver.common.by import By

    bad = tmp_path / "fake.pdf"
    bad.write_bytes(b"<html>not a pdf</html>")
    browser.get(server + "/")
    browser.find_element(By.CSS_SELECTOR, "#upload input[type=file]").send_keys(str(bad))
    browser.find_element(By.CSS_SELECTOR, "#upload button[type=submit]").click()
    err = _wait(browser, lambda d: [e for e in d.find_elements(By.CSS_SELECTOR, "#upload .error") if e.text], 60)
    assert err[0].text.startswith("fake.pdf:")
    assert browser.current_url.rstrip("/") == server
