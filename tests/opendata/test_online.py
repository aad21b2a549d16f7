"""``indicators fill --online [--table 83648NED|47018NED]`` without a network: ``urlopen`` is
replaced by a fake that answers with the recorded-shaped fixtures and keeps the URL it was asked
for (issue 7). The 47018NED fixture is CONSTRUCTED (see fixtures/README.md)."""

from __future__ import annotations

import io
import json
import shutil
import urllib.error
import urllib.parse
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CORPUS, corpus_file
from typer.testing import CliRunner

from rekenschap.cli import app
from rekenschap.importers.cbs_fetch import MAX_PAGES, fetch_crime_odata, odata_url

FIXTURES = Path(__file__).parent / "fixtures"
POLICE = FIXTURES / "47018NED-GM0629-constructed.json"
CBS = FIXTURES / "83648NED-GM0629-old-codes.json"
REPORT = """schema: rekenschap/report@1
organisation: {name: Wassenaar, cbs_code: GM0629}
document: {kind: jaarstukken, year: 2023}
programmes:
- name: Veiligheid
  indicators:
  - name: Winkeldiefstallen per 1.000 inwoners
    unit: {kind: rate, per: 1000, population: inwoners, label: per 1.000 inwoners}
  - name: Vernielingen en beschadigingen (in de openbare ruimte)
    unit: {kind: rate, per: 1000, population: inwoners, label: per 1.000 inwoners}
"""


class FakeAPI:
    """Stands in for ``urllib.request.urlopen``: answers ``body`` (or raises ``error``)."""

    def __init__(self, body: bytes = b"", error: OSError | None = None) -> None:
        self.body, self.error = body, error
        self.urls: list[str] = []

    def __call__(self, url: str, timeout: float = 0) -> io.BytesIO:
        self.urls.append(url)
        if self.error is not None:
            raise self.error
        return io.BytesIO(self.body)

    def query(self) -> dict[str, str]:
        (url,) = self.urls
        return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))


def _install(monkeypatch: pytest.MonkeyPatch, fake: FakeAPI) -> FakeAPI:
    monkeypatch.setattr("urllib.request.urlopen", fake)
    return fake


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "wassenaar.yaml"
    path.write_text(REPORT, encoding="utf-8")
    return path


def _fill(report: Path, out: Path, *extra: str) -> Any:
    population = corpus_file("cbs", "70072ned-regionale-kerncijfers.csv")
    return CliRunner().invoke(app, [
        "indicators", "fill", str(report), "--online", "--population", str(population),
        "--data-root", str(CORPUS), "--reference-date", "2026-11-28", "-o", str(out), *extra])


def _sources(out: Path) -> dict[tuple[str, str], tuple[float, str]]:
    indicators = json.loads(out.read_text(encoding="utf-8"))["programmes"][0]["indicators"]
    return {(i["name"][:5], o["period"]): (o["value"], o["source"])
            for i in indicators for o in i["observations"]}


@pytest.mark.corpus
def test_online_with_table_47018ned_asks_dataderden_and_labels_the_police_table(
        monkeypatch: pytest.MonkeyPatch, report: Path, tmp_path: Path) -> None:
    fake = _install(monkeypatch, FakeAPI(POLICE.read_bytes()))
    out = tmp_path / "filled.json"
    result = _fill(report, out, "--table", "47018NED")
    assert result.exit_code == 0, result.output
    assert fake.urls[0].startswith(
        "https://dataderden.cbs.nl/ODataApi/odata/47018NED/TypedDataSet?")
    assert fake.query() == {
        "$filter": "substringof('GM0629',WijkenEnBuurten) or substringof('NL00',WijkenEnBuurten)",
        "$format": "json"}
    got = _sources(out)
    assert got[("Winke", "2023")] == (2.0, "CBS 47018NED")
    assert got[("Verni", "2023")] == (5.0, "CBS 47018NED")
    assert "CBS-OFFLINE" not in result.output


@pytest.mark.corpus
def test_online_without_table_asks_opendata_for_83648ned(
        monkeypatch: pytest.MonkeyPatch, report: Path, tmp_path: Path) -> None:
    fake = _install(monkeypatch, FakeAPI(CBS.read_bytes()))
    out = tmp_path / "filled.json"
    result = _fill(report, out)
    assert result.exit_code == 0, result.output
    assert fake.urls[0].startswith("https://opendata.cbs.nl/ODataApi/odata/83648NED/TypedDataSet?")
    assert fake.query()["$filter"] == "substringof('GM0629',RegioS) or substringof('NL01',RegioS)"
    assert _sources(out)[("Verni", "2015")] == (3.1, "CBS 83648NED")


@pytest.mark.corpus
@pytest.mark.parametrize("fake", [
    FakeAPI(error=urllib.error.URLError("no route to host")),
    FakeAPI(b"<html>Service Unavailable</html>"),
    FakeAPI(b'{"odata.error": {"message": {"value": "Bad filter"}}}'),
], ids=["offline", "not-json", "odata-error"])
def test_an_unusable_answer_falls_back_to_the_saved_47018ned_file(
        monkeypatch: pytest.MonkeyPatch, report: Path, tmp_path: Path, fake: FakeAPI) -> None:
    """``--table 47018NED`` offline: the data root's cbs/47018NED*.json is read instead."""
    fake.urls = []
    _install(monkeypatch, fake)
    root = tmp_path / "opendata"
    (root / "cbs").mkdir(parents=True)
    (root / "iv3").symlink_to(CORPUS / "iv3")   # 2023 population, by name -> register
    register = corpus_file("cbs", "85755NED-gemeenten-2026.csv")
    (root / "cbs" / register.name).symlink_to(register)
    shutil.copy(POLICE, root / "cbs" / "47018NED-wassenaar.json")
    population = corpus_file("cbs", "70072ned-regionale-kerncijfers.csv")
    out = tmp_path / "filled.json"
    result = CliRunner().invoke(app, [
        "indicators", "fill", str(report), "--online", "--table", "47018ned", "--population",
        str(population), "--data-root", str(root), "--reference-date", "2026-11-28",
        "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(fake.urls) == 1 and "CBS-OFFLINE" in result.output
    assert "CBS OData 47018NED" in result.output
    assert _sources(out)[("Winke", "2023")] == (2.0, "CBS 47018NED")


def test_a_file_of_the_other_table_is_used_and_said(report: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, [
        "indicators", "fill", str(report), "--table", "83648NED", "--data", str(POLICE),
        "--data-root", str(tmp_path)])
    assert "CBS-TABLE-MISMATCH" in result.output
    assert "asked for 83648NED but the file holds 47018NED" in result.output


def test_an_unknown_table_is_a_usage_error(report: Path) -> None:
    result = CliRunner().invoke(app, ["indicators", "fill", str(report), "--table", "12345NED"])
    assert result.exit_code == 2
    assert "12345NED" in result.output


def test_the_help_names_both_tables() -> None:
    result = CliRunner().invoke(app, ["indicators", "fill", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "--table" in result.output and "47018NED" in result.output
    assert "dataderden" in result.output


def test_odata_url_refuses_unknown_tables_and_codes() -> None:
    with pytest.raises(ValueError, match="unknown crime table"):
        odata_url("GM0629", "12345NED")
    with pytest.raises(ValueError, match="not a CBS region code"):
        odata_url("GM0629' or 1 eq 1")
    assert "substringof('GM0629',RegioS)" in urllib.parse.unquote_plus(odata_url(" gm0629 "))


def test_fetch_returns_the_parsed_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    _install(monkeypatch, FakeAPI(POLICE.read_bytes()))
    answer = fetch_crime_odata("GM0629", table="47018NED")
    assert len(answer["value"]) == len(json.loads(POLICE.read_bytes())["value"])


def test_an_answer_over_several_pages_is_joined(monkeypatch: pytest.MonkeyPatch) -> None:
    """CBS serves at most 10.000 rows at a time and links the next page (``odata.nextLink``)."""
    items = json.loads(POLICE.read_bytes())["value"]
    base = "https://dataderden.cbs.nl/ODataApi/odata/47018NED/TypedDataSet"
    pages = [{"value": items[:3], "odata.nextLink": f"{base}?$skip=3"},
             {"value": items[3:5], "odata.nextLink": f"{base}?$skip=5"}, {"value": items[5:]}]
    fake = _install(monkeypatch, PagedAPI(pages))
    answer = fetch_crime_odata("GM0629", table="47018NED")
    assert answer["value"] == items and "odata.nextLink" not in answer
    assert fake.urls[1:] == [f"{base}?$skip=3", f"{base}?$skip=5"]


def test_a_next_page_elsewhere_or_without_end_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = [{"value": [], "odata.nextLink": "https://example.org/steal?$skip=1"}]
    _install(monkeypatch, PagedAPI(elsewhere))
    with pytest.raises(OSError, match="elsewhere"):
        fetch_crime_odata("GM0629")
    link = "https://opendata.cbs.nl/ODataApi/odata/83648NED/TypedDataSet?$skip=1"
    endless = PagedAPI([{"value": [], "odata.nextLink": link}] * (MAX_PAGES + 1))
    _install(monkeypatch, endless)
    with pytest.raises(OSError, match="more than"):
        fetch_crime_odata("GM0629")
    assert len(endless.urls) == MAX_PAGES


class PagedAPI(FakeAPI):
    """Answers the given pages in turn."""

    def __init__(self, pages: list[dict[str, Any]]) -> None:
        super().__init__()
        self.pages = [json.dumps(p).encode() for p in pages]

    def __call__(self, url: str, timeout: float = 0) -> io.BytesIO:
        self.urls.append(url)
        return io.BytesIO(self.pages[len(self.urls) - 1])
