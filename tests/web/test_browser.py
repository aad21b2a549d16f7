"""Main flows in headless Chromium (Debian's chromium + chromedriver) against a real server:
log in, edit, conflict, submit, approve, publish; axe-core on every app page visited."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml
from live import Server, drop_database, fresh_database_url
from web_world import EXAMPLE

AXE = Path(__file__).resolve().parents[1] / "render" / "assets" / "axe.min.js"
CHROMIUM, DRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM.exists() and DRIVER.exists() and AXE.exists()),
                                reason="needs Debian chromium + chromedriver and the axe asset")
PASSWORD = "Browser-Test-Wachtwoord-1"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    url = fresh_database_url()
    server = Server(tmp_path_factory.mktemp("browser") / "data", url)
    server.data.mkdir()
    try:
        server.start("--workers", "2")
        token = server.token_for("api-controller", "controller")
        report = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
        created = requests.post(server.url + "/api/v1/documents", json=report, timeout=60,
                                headers={"Authorization": f"Bearer {token}"}).json()
        pk = created["programmes"][0]["id"]
        server.manage(
            "from rekenschap.web.core.models import User, ProgrammeRecord\n"
            f"a = User.objects.create_user('auteur', password={PASSWORD!r}, role='auteur')\n"
            f"User.objects.create_user('controller', password={PASSWORD!r}, role='controller')\n"
            f"ProgrammeRecord.objects.get(pk={pk}).authors.add(a)\n")
        yield {"server": server, "token": token, "programme": pk, "document": created["id"]}
    finally:
        server.stop()
        drop_database(url)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="rekenschap-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--lang=nl"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def axe_violations(driver: Any) -> list[dict[str, Any]]:
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa']}).then(r => done(JSON.stringify("
        "r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,"
        " where: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))));")
    return list(json.loads(result))


def wait_for(driver: Any, text: str) -> None:
    """Wait until the page (after a click's navigation) contains ``text``."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 30).until(lambda d: text in d.page_source)


def login(driver: Any, base: str, username: str) -> None:
    from selenium.webdriver.common.by import By

    driver.delete_all_cookies()
    driver.get(base + "/login/")
    assert axe_violations(driver) == []
    driver.find_element(By.ID, "id_username").send_keys(username)
    driver.find_element(By.ID, "id_password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait_for(driver, "<h1>Documenten</h1>")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Documenten"


def test_edit_conflict_review_approve_publish(app: dict[str, Any], browser: Any) -> None:
    from selenium.webdriver.common.by import By

    server: Server = app["server"]
    base, pk = server.url, app["programme"]
    login(browser, base, "auteur")
    assert axe_violations(browser) == []
    browser.get(f"{base}/programmas/{pk}/")
    assert "ACT-MISSING-NUMBER" in browser.page_source  # check results beside the content
    assert axe_violations(browser) == []

    # edit and save
    browser.get(f"{base}/programmas/{pk}/bewerken/")
    assert axe_violations(browser) == []
    name = browser.find_element(By.ID, "id_name")
    name.clear()
    name.send_keys("Veiligheid (browser)")
    browser.find_element(By.CSS_SELECTOR, "form.editor button[type=submit]").click()
    wait_for(browser, "Opgeslagen als nieuwe revisie.")
    assert "Veiligheid (browser)" in browser.find_element(By.TAG_NAME, "h1").text

    # conflict: the form is open while someone else saves through the API
    browser.get(f"{base}/programmas/{pk}/bewerken/")
    api = requests.Session()
    api.headers["Authorization"] = f"Bearer {app['token']}"
    now = api.get(f"{base}/api/v1/programmes/{pk}", timeout=30).json()
    saved = api.put(f"{base}/api/v1/programmes/{pk}", timeout=30, json={
        "base_version": now["version"], "content": {**now["content"], "name": "Van de API"}})
    assert saved.status_code == 200
    name = browser.find_element(By.ID, "id_name")
    name.clear()
    name.send_keys("Van de browser")
    browser.find_element(By.CSS_SELECTOR, "form.editor button[type=submit]").click()
    wait_for(browser, "Iemand anders heeft dit programma intussen opgeslagen")
    page = browser.page_source
    assert "Iemand anders heeft dit programma intussen opgeslagen" in page
    assert "Van de API" in page
    assert browser.find_element(By.ID, "id_name").get_attribute("value") == "Van de browser"
    assert axe_violations(browser) == []
    browser.find_element(By.CSS_SELECTOR, "form.editor button[type=submit]").click()
    wait_for(browser, "Opgeslagen als nieuwe revisie.")
    history = api.get(f"{base}/api/v1/programmes/{pk}/revisions", timeout=30).json()
    names = [api.get(f"{base}/api/v1/programmes/{pk}/revisions/{r['number']}",
                     timeout=30).json()["content"]["name"] for r in history]
    assert names[-2:] == ["Van de API", "Van de browser"]  # neither edit lost

    browser.get(f"{base}/programmas/{pk}/geschiedenis/")
    assert axe_violations(browser) == []

    # submit for review
    browser.get(f"{base}/programmas/{pk}/")
    browser.find_element(By.CSS_SELECTOR, "button[value=submit]").click()
    wait_for(browser, "state-review")

    # the controller approves and publishes
    login(browser, base, "controller")
    browser.get(f"{base}/programmas/{pk}/")
    browser.find_element(By.CSS_SELECTOR, "button[value=approve]").click()
    wait_for(browser, "state-approved")
    browser.get(f"{base}/documenten/{app['document']}/")
    assert axe_violations(browser) == []
    browser.find_element(By.XPATH, "//button[contains(., 'Publiceren')]").click()
    wait_for(browser, "bekijk de website")
    browser.find_element(By.LINK_TEXT, "bekijk de website").click()
    wait_for(browser, "Verantwoording")  # the public site's index
    browser.find_element(By.PARTIAL_LINK_TEXT, "Jaarstukken 2024").click()
    wait_for(browser, "Van de browser")  # the approved revision is what was published
    zip_response = requests.get(f"{base}/site/{app['document']}.zip", timeout=60)
    assert zip_response.headers["Content-Type"] == "application/zip"
    import io
    import zipfile

    archive = zipfile.ZipFile(io.BytesIO(zip_response.content))
    assert "index.html" in archive.namelist()


def test_english_interface(app: dict[str, Any], browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    server: Server = app["server"]
    login(browser, server.url, "auteur")
    Select(browser.find_element(By.ID, "language")).select_by_value("en")
    browser.find_element(By.XPATH, "//form[select[@id='language']]//button").click()
    wait_for(browser, "<h1>Documents</h1>")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Documents"
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert axe_violations(browser) == []


def test_first_admin_must_change_the_one_time_password(app: dict[str, Any], browser: Any) -> None:
    import re

    from selenium.webdriver.common.by import By

    server: Server = app["server"]
    log = (server.data / "server.log").read_text(encoding="utf-8")
    found = re.search(r"one-time password: (\S+)", log)
    assert found is not None
    browser.delete_all_cookies()
    browser.get(server.url + "/login/")
    browser.find_element(By.ID, "id_username").send_keys("beheerder")
    browser.find_element(By.ID, "id_password").send_keys(found.group(1))
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait_for(browser, "eenmalig wachtwoord")  # sent to the password change, nothing else
    assert browser.current_url.endswith("/wachtwoord/")
    assert axe_violations(browser) == []
    browser.get(server.url + "/")
    assert browser.current_url.endswith("/wachtwoord/")
    new = "Een-Eigen-Wachtwoord-2026"
    browser.find_element(By.ID, "id_old_password").send_keys(found.group(1))
    browser.find_element(By.ID, "id_new_password1").send_keys(new)
    browser.find_element(By.ID, "id_new_password2").send_keys(new)
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait_for(browser, "Wachtwoord gewijzigd")
    browser.get(server.url + "/")
    wait_for(browser, "<h1>Documenten</h1>")
    browser.get(server.url + "/beheer/")
    wait_for(browser, "Rekenschap beheer")  # the beheerder manages users here


def test_comparison_page_is_accessible(app: dict[str, Any], browser: Any) -> None:
    """The Vergelijken page with its chart, text alternative and tables: no axe violations.
    The server finds the corpus's open data (../shared/corpus from the working directory)."""
    from selenium.webdriver.common.by import By

    server: Server = app["server"]
    login(browser, server.url, "auteur")
    browser.get(f"{server.url}/documenten/{app['document']}/vergelijken/")
    wait_for(browser, "<h1>Vergelijken")
    if (Path.cwd().parent / "shared" / "corpus" / "iv3").is_dir():
        svg = browser.find_element(By.CSS_SELECTOR, "figure svg[role=img]")
        assert svg.get_attribute("aria-labelledby") == "chart-lasten-desc"
        assert "boven de mediaan" in browser.find_element(By.ID, "chart-lasten-desc").text
    else:
        assert "De open data ontbreken" in browser.page_source
    assert axe_violations(browser) == []


# ---- authoring: check while typing, suggestions, deelprogramma's, tokens, axe everywhere ----

@pytest.fixture(scope="module")
def authoring(app: dict[str, Any]) -> dict[str, Any]:
    """A second document, still concept: its programme has an explanation and a deelprogramma,
    assigned to the auteur; a beheerder for the admin pages."""
    server: Server = app["server"]
    report = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    programme = report["programmes"][0]
    sub = {**{k: v for k, v in programme.items() if k != "code"}, "code": "2.2.1",
           "name": "Ondermijning", "level": "deelprogramma"}
    programme["explanations"] = [{"title": "Toelichting op verschillen", "items": [
        {"title": "Hogere lasten handhaving", "amount": 702000, "text": "Meer inzet."}]}]
    programme["subprogrammes"] = [sub]
    created = requests.post(server.url + "/api/v1/documents", json=report, timeout=60,
                            headers={"Authorization": f"Bearer {app['token']}"})
    assert created.status_code == 201, created.text
    pk = created.json()["programmes"][0]["id"]
    server.manage(
        "from rekenschap.web.core.models import User, ProgrammeRecord\n"
        f"ProgrammeRecord.objects.get(pk={pk}).authors.add(User.objects.get(username='auteur'))\n"
        f"User.objects.create_user('beheer2', password={PASSWORD!r}, role='beheerder')\n")
    return {"programme": pk, "document": created.json()["id"]}


def _api_version(app: dict[str, Any], pk: int) -> int:
    response = requests.get(f"{app['server'].url}/api/v1/programmes/{pk}", timeout=30,
                            headers={"Authorization": f"Bearer {app['token']}"})
    return int(response.json()["version"])


def _live_codes(driver: Any) -> list[str]:
    """The codes in the live region, read in one step (the script may redraw it any time)."""
    return list(driver.execute_script(
        "return Array.from(document.querySelectorAll('#live-checks li'), li => li.dataset.code);"))


def _wait_live(driver: Any, condition: Any) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 30).until(lambda d: condition(_live_codes(d)))


def test_finance_findings_follow_the_typing_without_saving(
        app: dict[str, Any], browser: Any, authoring: dict[str, Any]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    base, pk = app["server"].url, authoring["programme"]
    login(browser, base, "auteur")
    browser.get(f"{base}/programmas/{pk}/financien/")
    assert "FIN-OVERRUN" in _live_codes(browser)  # the saved content overruns (45.324 > 44.622)
    assert axe_violations(browser) == []
    version = _api_version(app, pk)
    cell = browser.find_element(By.ID, "cell-0-actual")
    cell.send_keys(Keys.CONTROL, "a")
    cell.send_keys("44.000")
    _wait_live(browser, lambda codes: "FIN-OVERRUN" not in codes)  # fixed: it goes
    cell.send_keys(Keys.CONTROL, "a")
    cell.send_keys("46.000")
    _wait_live(browser, lambda codes: "FIN-OVERRUN" in codes)  # broken again: it appears
    assert "46.000" in browser.execute_script(
        "return document.querySelector('#live-checks li[data-code=FIN-OVERRUN]').textContent;")
    status = browser.find_element(By.ID, "live-checks-status")
    assert status.get_attribute("aria-live") == "polite"
    cell.send_keys(Keys.CONTROL, "a")
    cell.send_keys("4x")
    _wait_live(browser, lambda codes: "WEB-FIELD-UNREADABLE" in codes)
    assert cell.get_attribute("aria-invalid") == "true"
    assert axe_violations(browser) == []
    cell.send_keys(Keys.CONTROL, "a")
    cell.send_keys("45.324")
    _wait_live(browser, lambda codes: "WEB-FIELD-UNREADABLE" not in codes)
    assert cell.get_attribute("aria-invalid") is None
    assert _api_version(app, pk) == version  # checking saved nothing


_WATCH_LIVE = """
window.liveLog = {announced: [], redraws: 0};
new MutationObserver(() => { window.liveLog.announced.push(
    document.getElementById('live-checks-status').textContent); })
  .observe(document.getElementById('live-checks-status'),
           {childList: true, characterData: true, subtree: true});
new MutationObserver(() => { window.liveLog.redraws += 1; })
  .observe(document.getElementById('live-checks'), {childList: true});
"""


def _live_log(driver: Any) -> dict[str, Any]:
    return dict(driver.execute_script("return window.liveLog;"))


def test_only_a_short_summary_is_announced_when_the_findings_change(
        app: dict[str, Any], browser: Any, authoring: dict[str, Any]) -> None:
    """The live region is the status line alone: it says what changed ("1 opgelost", "1
    nieuw"), the list of findings is outside every live region, and a check that changes
    nothing announces nothing."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    base, pk = app["server"].url, authoring["programme"]
    login(browser, base, "auteur")
    browser.get(f"{base}/programmas/{pk}/financien/")
    assert "FIN-OVERRUN" in _live_codes(browser)
    assert browser.execute_script(
        "return document.querySelector('#live-checks ul').closest('[aria-live]');") is None
    browser.execute_script(_WATCH_LIVE)
    cell = browser.find_element(By.ID, "cell-0-actual")

    def typed(value: str, redraws: int) -> dict[str, Any]:
        cell.send_keys(Keys.CONTROL, "a")
        cell.send_keys(value)
        WebDriverWait(browser, 30).until(lambda d: _live_log(d)["redraws"] >= redraws)
        return _live_log(browser)

    fixed = typed("44.000", 1)  # the overrun goes
    assert "FIN-OVERRUN" not in _live_codes(browser)
    assert len(fixed["announced"]) == 1
    said = fixed["announced"][0]
    assert "bevinding" in said and said.endswith("1 opgelost") and "FIN-" not in said
    assert len(said) < 80  # a summary, not the list
    same = typed("44.001", 2)  # still no overrun: the list is redrawn, nothing is announced
    assert same["announced"] == fixed["announced"]
    broken = typed("46.000", 3)  # it comes back: one new
    assert "FIN-OVERRUN" in _live_codes(browser)
    assert len(broken["announced"]) == 2 and broken["announced"][1].endswith("1 nieuw")
    assert browser.find_element(By.ID, "live-checks-status").text == broken["announced"][1]
    assert axe_violations(browser) == []
    cell.send_keys(Keys.CONTROL, "a")
    cell.send_keys("45.324")  # back to the saved value; nothing saved by checking
    WebDriverWait(browser, 30).until(lambda d: _live_log(d)["redraws"] >= 4)


def test_a_suggested_sentence_is_accepted_with_one_click(
        app: dict[str, Any], browser: Any, authoring: dict[str, Any]) -> None:
    from selenium.webdriver.common.by import By

    base, pk = app["server"].url, authoring["programme"]
    login(browser, base, "auteur")
    browser.get(f"{base}/programmas/{pk}/")
    first = browser.find_element(By.CSS_SELECTOR, ".suggestions li")
    sentence = first.find_element(By.CSS_SELECTOR, ".sentence").text
    button = first.find_element(By.CSS_SELECTOR, "button.accept-sentence")
    button.click()
    wait_for(browser, "Opgeslagen als nieuwe revisie.")
    assert "Toelichting bij de cijfers" in browser.page_source
    accepted = [li for li in browser.find_elements(By.CSS_SELECTOR, ".suggestions li")
                if li.find_element(By.CSS_SELECTOR, ".sentence").text == sentence]
    assert accepted and "staat al in de tekst" in accepted[0].text
    assert axe_violations(browser) == []


def test_deelprogramma_goal_form_saves_into_the_deelprogramma(
        app: dict[str, Any], browser: Any, authoring: dict[str, Any]) -> None:
    from selenium.webdriver.common.by import By

    base, pk = app["server"].url, authoring["programme"]
    login(browser, base, "auteur")
    browser.get(f"{base}/programmas/{pk}/")
    browser.find_element(By.CSS_SELECTOR, f"a[href='/programmas/{pk}/doelen/0/?deel=0']").click()
    wait_for(browser, "2.2.1 Ondermijning")
    assert axe_violations(browser) == []
    title = browser.find_element(By.ID, "id_title")
    title.clear()
    title.send_keys("Deeldoel uit de browser")
    browser.find_element(By.CSS_SELECTOR, "form.editor button[type=submit]").click()
    wait_for(browser, "Opgeslagen als nieuwe revisie.")
    content = requests.get(f"{base}/api/v1/programmes/{pk}", timeout=30, headers={
        "Authorization": f"Bearer {app['token']}"}).json()["content"]
    assert content["subprogrammes"][0]["goals"][0]["title"] == "Deeldoel uit de browser"
    assert content["goals"][0]["title"] != "Deeldoel uit de browser"


def test_tokens_are_revoked_on_the_token_page(app: dict[str, Any], browser: Any) -> None:
    from selenium.webdriver.common.by import By

    base = app["server"].url
    login(browser, base, "auteur")
    browser.get(f"{base}/token/")
    assert axe_violations(browser) == []
    browser.find_element(By.ID, "id_label").send_keys("browser-token")
    browser.find_element(By.XPATH, "//button[contains(., 'Nieuw token maken')]").click()
    wait_for(browser, "wordt maar één keer getoond")
    token = browser.find_element(By.ID, "token").text
    headers = {"Authorization": f"Bearer {token}"}
    assert requests.get(f"{base}/api/v1/me", headers=headers, timeout=30).status_code == 200
    assert axe_violations(browser) == []
    row = browser.find_element(By.XPATH, "//tr[td[contains(., 'browser-token')]]")
    row.find_element(By.TAG_NAME, "button").click()
    wait_for(browser, "ingetrokken")
    refused = requests.get(f"{base}/api/v1/me", headers=headers, timeout=30)
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "WEB-UNAUTHENTICATED"


def test_every_app_page_passes_axe(
        app: dict[str, Any], browser: Any, authoring: dict[str, Any]) -> None:
    """Pages not already covered above (login, home, document, programme, YAML editor,
    conflict, history, compare are checked in the flows): each with zero violations."""
    from selenium.webdriver.common.by import By

    base, pk, doc = app["server"].url, authoring["programme"], authoring["document"]
    login(browser, base, "auteur")
    pages = [f"/programmas/{pk}/", f"/programmas/{pk}/bewerken/", f"/programmas/{pk}/doelen/0/",
             f"/programmas/{pk}/doelen/nieuw/", f"/programmas/{pk}/indicatoren/1/",
             f"/programmas/{pk}/toelichtingen/0/", f"/programmas/{pk}/financien/?deel=0",
             f"/programmas/{pk}/indicatoren/1/?deel=0", f"/programmas/{pk}/geschiedenis/",
             f"/documenten/{doc}/", "/opmerkingen/", "/wachtwoord/", "/"]
    for page in pages:
        browser.get(base + page)
        assert browser.find_element(By.TAG_NAME, "h1").text, page
        assert axe_violations(browser) == [], page
    login(browser, base, "controller")
    browser.get(f"{base}/drempels/")
    assert axe_violations(browser) == []
    browser.get(f"{base}/importeren/")
    assert axe_violations(browser) == []
    upload = Path(tempfile.mkdtemp(prefix="rks-upload-")) / "voorbeeld.yaml"
    upload.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    browser.find_element(By.ID, "id_file").send_keys(str(upload))
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait_for(browser, "Importresultaat")
    assert axe_violations(browser) == [], "import result"
    browser.get(f"{base}/programmas/999999/")
    assert axe_violations(browser) == [], "error page"
    login(browser, base, "beheer2")
    for page in ("/beheer/", "/beheer/core/user/", "/beheer/core/user/add/",
                 "/beheer/core/programmerecord/", f"/beheer/core/programmerecord/{pk}/change/"):
        browser.get(base + page)
        assert axe_violations(browser) == [], page


def test_keyboard_through_the_goal_form(
        app: dict[str, Any], browser: Any, authoring: dict[str, Any]) -> None:
    """Skip link first and visible on focus, it moves focus to the content; then the form's
    fields in reading order, each with a visible focus indicator."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    base, pk = app["server"].url, authoring["programme"]
    login(browser, base, "auteur")
    browser.get(f"{base}/programmas/{pk}/doelen/0/")
    active = browser.switch_to.active_element
    ActionChains(browser).send_keys(Keys.TAB).perform()
    skip = browser.switch_to.active_element
    assert skip.get_attribute("class").startswith("utrecht-skip-link")
    assert skip.size["width"] > 10 and skip.size["height"] > 10  # visible when focused
    skip.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "main"
    focusable = browser.find_elements(
        By.CSS_SELECTOR,
        "main a[href], main input:not([type=hidden]), main textarea, main select, main button")
    names = [e.get_attribute("id") or e.tag_name for e in focusable]
    expected = names[:names.index("button") + 1]  # up to the form's Opslaan, in reading order
    assert expected == ["a", "id_code", "id_title", "id_description", "id_activities", "id_note",
                        "button"]
    reached = []
    for _ in expected:
        ActionChains(browser).send_keys(Keys.TAB).perform()
        active = browser.switch_to.active_element
        reached.append(active.get_attribute("id") or active.tag_name)
        style = browser.execute_script(
            "const s = getComputedStyle(arguments[0]);"
            "return [s.outlineStyle, s.outlineWidth, s.boxShadow];", active)
        assert (style[0] != "none" and style[1] != "0px") or style[2] != "none", (reached, style)
    assert reached == expected
