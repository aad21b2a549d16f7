"""The live path to CBS's crime tables: the OData v3 API (optional; no test needs the network).

83648NED is on ``opendata.cbs.nl``, the police's 47018NED on ``dataderden.cbs.nl``. One region
plus Nederland is asked for; an answer split over pages (``odata.nextLink``, CBS serves at most
10.000 rows at a time) is followed on the same host. Anything unusable (offline, not JSON, no
``value`` list, too many pages) raises ``OSError``, so the caller falls back to a local file.
The answer is read by :func:`rekenschap.importers.cbs.load_crime_odata`.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from typing import Any

from rekenschap.importers.cbs import CRIME_TABLE, POLICE_TABLE, REGION, TABLES

__all__ = ["MAX_PAGES", "ODATA_URL", "POLICE_ODATA_URL", "fetch_crime_odata", "odata_url"]

ODATA_URL = "https://opendata.cbs.nl/ODataApi/odata/{table}/TypedDataSet"
POLICE_ODATA_URL = "https://dataderden.cbs.nl/ODataApi/odata/{table}/TypedDataSet"
MAX_PAGES = 20
"""Pages of an answer followed at most (200.000 rows; one municipality needs one or two)."""


def odata_url(region: str, table: str = CRIME_TABLE) -> str:
    """The ``TypedDataSet`` URL for one region plus Nederland: 83648NED on opendata.cbs.nl
    (region key ``RegioS``, Nederland "NL01"), 47018NED on dataderden.cbs.nl (``WijkenEnBuurten``,
    Nederland "NL00"). CBS pads key values with spaces, to a width that differs per dimension,
    so the filter uses OData v3 ``substringof`` rather than ``eq`` on an unpadded code (the way
    CBS's own R client cbsodataR filters with ``has_substring``)."""
    if table not in TABLES:
        raise ValueError(f"unknown crime table {table!r}: expected one of {', '.join(TABLES)}")
    code = region.strip().upper()
    if not REGION.match(code):
        raise ValueError(f"not a CBS region code: {region!r} (expected e.g. GM0629)")
    police = table == POLICE_TABLE
    key = "WijkenEnBuurten" if police else "RegioS"
    national = "NL00" if police else "NL01"
    query = urllib.parse.urlencode({
        "$filter": f"substringof('{code}',{key}) or "
                   f"substringof('{national}',{key})",
        "$format": "json"})
    return (POLICE_ODATA_URL if police else ODATA_URL).format(table=table) + "?" + query


def fetch_crime_odata(region: str, *, table: str = CRIME_TABLE,
                      timeout: float = 30.0) -> dict[str, Any]:
    """Ask the CBS OData v3 API for one region (plus Nederland); raises ``OSError`` offline
    (also for an answer that is not JSON, so the caller falls back to the local file).

    Optional live path: the tests record the response shape and replace ``urlopen``.
    """
    url = odata_url(region, table)
    result = _get(url, timeout)
    host = urllib.parse.urlsplit(url).netloc
    link = result.pop("odata.nextLink", None)
    for _ in range(MAX_PAGES - 1):
        if link is None:
            return result
        if not isinstance(link, str) or urllib.parse.urlsplit(link).netloc != host:
            raise OSError(f"the CBS API points the next page elsewhere: {link!r}")
        page = _get(link, timeout)
        result["value"].extend(page["value"])
        link = page.get("odata.nextLink")
    if link is not None:
        raise OSError(f"the CBS API answer has more than {MAX_PAGES} pages")
    return result


def _get(url: str, timeout: float) -> dict[str, Any]:
    """One page: a JSON object with a ``value`` list, else ``OSError``."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        try:
            result = json.loads(response.read().decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise OSError(f"the CBS API answered with something that is not JSON: {exc}") \
                from exc
    if not isinstance(result, dict) or not isinstance(result.get("value"), list):
        error = result.get("odata.error") if isinstance(result, dict) else None
        raise OSError(f"the CBS API answered without a 'value' list: {error or 'no data'}")
    return result
