"""The UI message catalogue (berichtencatalogus): every fixed text the outputs show, Dutch first.

One dictionary, one lookup function. A missing key is a bug (``KeyError``), and a test checks
that every key has both languages.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")

LANGUAGE_NAMES: dict[Lang, str] = {"nl": "Nederlands", "en": "English"}
"""Each language in its own words: the language switch shows these (with ``lang`` set)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # site chrome
    "site.title": ("Verantwoording", "Accountability"),
    "site.skip": ("Direct naar de inhoud", "Skip to content"),
    "site.home": ("Alle documenten", "All documents"),
    "site.search": ("Zoeken", "Search"),
    "site.search.label": ("Zoek in deze website", "Search this website"),
    "site.search.button": ("Zoek", "Search"),
    "site.search.results": ("Resultaten", "Results"),
    "site.search.none": ("Geen resultaten gevonden.", "No results found."),
    "site.search.count": ("{n} resultaten gevonden.", "{n} results found."),
    "site.search.one": ("1 resultaat gevonden.", "1 result found."),
    "site.search.nojs": ("Zoeken werkt met JavaScript. Gebruik anders de inhoudsopgave.",
                         "Search needs JavaScript. Otherwise use the table of contents."),
    "site.nav": ("Hoofdnavigatie", "Main navigation"),
    "site.lang": ("Taal / Language", "Language / Taal"),
    "site.lang.current": ("huidige taal", "current language"),
    "site.breadcrumb": ("Kruimelpad", "Breadcrumb"),
    "site.footer": ("Gemaakt met Rekenschap. Bedragen en cijfers zoals in het document vermeld.",
                    "Made with Rekenschap. Amounts and figures as stated in the document."),
    "site.toc": ("Inhoud", "Contents"),
    "site.documents": ("Documenten", "Documents"),
    "site.generated": ("Gegenereerd", "Generated"),
    # document
    "doc.begroting": ("Begroting", "Programme budget"),
    "doc.jaarstukken": ("Jaarstukken", "Annual report and accounts"),
    "doc.jaarverslag": ("Jaarverslag", "Annual report"),
    "doc.voorjaarsnota": ("Voorjaarsnota", "Spring memorandum"),
    "doc.bestuursrapportage": ("Bestuursrapportage", "Interim report"),
    "doc.programmes": ("Programma's", "Programmes"),
    "doc.overview": ("Overzicht", "Overview"),
    "doc.share": ("Aandeel in de lasten", "Share of expenditure"),
    "doc.total": ("Totaal", "Total"),
    "doc.column": ("Kolom", "Column"),
    "doc.chart.share": ("Lasten per programma", "Expenditure per programme"),
    "doc.chart.share.alt": ("Staafdiagram van de lasten per programma ({column}, {unit}): {items}.",
                            "Bar chart of expenditure per programme ({column}, {unit}): {items}."),
    "doc.printed": ("{title} zoals in het document", "{title} as printed in the document"),
    "doc.printed.default": ("Overzicht van baten en lasten", "Overview of income and expenditure"),
    "doc.recon": ("Overzicht en programmatabellen vergeleken: {column}",
                  "Overview and programme tables compared: {column}"),
    "doc.recon.printed": ("Volgens het overzicht", "According to the overview"),
    "doc.recon.tables": ("Volgens de programmatabellen", "According to the programme tables"),
    "doc.recon.diff": ("Verschil", "Difference"),
    "doc.recon.note": (
        "Verschil = overzicht − programmatabellen, berekend door Rekenschap. Een verschil bij één "
        "programma terwijl het totaal klopt, betekent meestal dat het overzicht een deel van het "
        "programma op andere regels toont (algemene dekkingsmiddelen, overhead).",
        "Difference = overview − programme tables, computed by Rekenschap. A difference for one "
        "programme while the total agrees usually means the overview shows part of the programme "
        "on other lines (general funding, overhead)."),
    "doc.own": ("Het overzicht van het document", "The document's own overview"),
    "doc.computed": ("Berekend uit de programmatabellen", "Computed from the programme tables"),
    "doc.findings": ("Bevindingen bij het overzicht", "Findings on the overview"),
    "doc.nofinance": ("Dit document bevat geen financiële tabellen.",
                      "This document contains no finance tables."),
    # programme
    "prog.programma": ("Programma", "Programme"),
    "prog.deelprogramma": ("Deelprogramma", "Sub-programme"),
    "prog.subprogrammes": ("Deelprogramma's", "Sub-programmes"),
    "prog.parent": ("Onderdeel van", "Part of"),
    "prog.taakvelden": ("Taakvelden", "Functional classes (taakvelden)"),
    "prog.goals.jaarstukken": ("Wat wilden we bereiken en wat hebben we daarvoor gedaan?",
                               "What did we want to achieve, and what did we do for it?"),
    "prog.goals.begroting": ("Wat willen we bereiken en wat gaan we daarvoor doen?",
                             "What do we want to achieve, and what will we do for it?"),
    "prog.finance.jaarstukken": ("Wat heeft het gekost?", "What did it cost?"),
    "prog.finance.begroting": ("Wat mag het kosten?", "What may it cost?"),
    "prog.indicators": ("Beleidsindicatoren", "Policy indicators"),
    "prog.sections": ("Toelichting", "Explanation"),
    "prog.nogoals": ("Geen doelen vermeld.", "No goals stated."),
    "prog.activities": ("Activiteiten en resultaten", "Activities and results"),
    "prog.status": ("Status", "Status"),
    "status.gerealiseerd": ("Gerealiseerd", "Realised"),
    "status.loopt": ("Loopt", "In progress"),
    "status.vertraagd": ("Vertraagd", "Delayed"),
    "status.niet gerealiseerd": ("Niet gerealiseerd", "Not realised"),
    "status.unknown": ("Status niet vermeld", "Status not stated"),
    # finance
    "fin.caption": ("Lasten en baten", "Expenditure and income"),
    "fin.row": ("Omschrijving", "Item"),
    "fin.unit": ("Bedragen x {unit}", "Amounts in {unit}"),
    "fin.unit.euro": ("Bedragen in euro's", "Amounts in euros"),
    "fin.variances": ("Toelichting op verschillen", "Explanation of variances"),
    "fin.threshold": ("Verschillen vanaf {amount} worden toegelicht.",
                      "Variances from {amount} are explained."),
    "fin.incidental": ("incidenteel", "one-off"),
    "fin.structural": ("structureel", "structural"),
    "fin.kind.lasten": ("lasten", "expenditure"),
    "fin.kind.baten": ("baten", "income"),
    "fin.kind.reserves": ("reserves", "reserves"),
    "fin.kind.other": ("overig", "other"),
    "fin.blank": ("leeg", "blank"),
    "fin.variance.item": ("Onderwerp", "Subject"),
    "fin.variance.amount": ("Bedrag", "Amount"),
    "fin.variance.kind": ("Soort", "Kind"),
    "fin.variance.text": ("Toelichting", "Explanation"),
    "fin.sentences": ("Analyse", "Analysis"),
    "fin.rowkind.lasten": ("lasten", "expenditure"),
    "fin.rowkind.baten": ("baten", "income"),
    "fin.rowkind.saldo": ("saldo", "balance"),
    "fin.rowkind.reserve_addition": ("toevoeging aan reserves", "addition to reserves"),
    "fin.rowkind.reserve_withdrawal": ("onttrekking aan reserves", "withdrawal from reserves"),
    "fin.rowkind.reserve_mutations": ("mutaties reserves", "reserve mutations"),
    "fin.rowkind.result": ("resultaat", "result"),
    "fin.rowkind.other": ("overig", "other"),
    "fin.diff.header": ("Verschil (berekend)", "Difference (computed)"),
    "fin.diff.actual_minus_amended": (
        "De kolom Verschil (berekend) staat niet in het document: realisatie − begroting na "
        "wijziging, berekend door Rekenschap.",
        "The column Difference (computed) is not in the document: actual − amended budget, "
        "computed by Rekenschap."),
    "fin.diff.amended_minus_actual": (
        "De kolom Verschil (berekend) staat niet in het document: begroting na wijziging − "
        "realisatie, zoals de tabel verschillen rekent; berekend door Rekenschap.",
        "The column Difference (computed) is not in the document: amended budget − actual, as "
        "the table counts differences; computed by Rekenschap."),
    "fin.diff.favourable": (
        "De kolom Verschil (berekend) staat niet in het document: + is een voordeel, − een "
        "nadeel, zoals de tabel verschillen rekent; berekend door Rekenschap.",
        "The column Difference (computed) is not in the document: + is favourable, − "
        "unfavourable, as the table counts differences; computed by Rekenschap."),
    # indicators
    "ind.period": ("Periode", "Period"),
    "ind.value": ("Waarde", "Value"),
    "ind.note": ("Opmerking", "Note"),
    "ind.unit": ("Eenheid", "Unit"),
    "ind.source": ("Bron", "Source"),
    "ind.baseline": ("Peiljaar", "Baseline year"),
    "ind.target": ("Streefwaarde", "Target"),
    "ind.direction.up": ("hoger is beter", "higher is better"),
    "ind.direction.down": ("lager is beter", "lower is better"),
    "ind.direction.none": ("geen gewenste richting", "no desired direction"),
    "ind.unknown_period": ("periode niet vermeld", "period not stated"),
    "ind.implicit": ("periode afgeleid", "period inferred"),
    "ind.claims": ("Wat het document zegt", "What the document says"),
    "ind.sentences": ("Ontwikkeling", "Trend"),
    "ind.chart.alt": ("Lijngrafiek van {name} ({unit}): {items}.",
                      "Line chart of {name} ({unit}): {items}."),
    "ind.chart.baseline": ("Peiljaar {period}: {value}.", "Baseline {period}: {value}."),
    "ind.chart.data": ("Gegevens van de grafiek", "Chart data"),
    "ind.nochart": ("Te weinig waarden met een periode voor een grafiek.",
                    "Too few values with a period for a chart."),
    "ind.series": ("Waarde", "Value"),
    "ind.own": ("Gemeente", "Municipality"),
    "ind.targets": ("Streefwaarden per jaar", "Targets per year"),
    "ind.chart.benchmark": ("{region}: {items}.", "{region}: {items}."),
    "ind.chart.targets": ("Streefwaarden (ruiten): {items}.", "Targets (diamonds): {items}."),
    "ind.chart.target": ("Streefwaarde (stippellijn): {value}.", "Target (dotted line): {value}."),
    "unit.count": ("aantal", "count"),
    "unit.currency": ("euro", "euro"),
    "unit.fte": ("fte", "fte"),
    "unit.mass": ("kg", "kg"),
    "unit.ratio": ("verhouding", "ratio"),
    "unit.other": ("overig", "other"),
    "unit.rate": ("per inwoner", "per inhabitant"),
    "unit.percentage": ("%", "%"),
    # comparison with peer municipalities (vergelijking)
    "cmp.heading": ("Vergelijking met andere gemeenten", "Comparison with other municipalities"),
    "cmp.link": ("{name} vergeleken met {peers} ({n} gemeenten)",
                 "{name} compared with {peers} ({n} municipalities)"),
    "cmp.size": ("gemeenten van {low} tot {high} inwoners",
                 "municipalities of {low} to {high} inhabitants"),
    "cmp.title": ("Vergelijking {name}", "Comparison {name}"),
    "cmp.intro": (
        "Lasten en baten per inwoner per taakveld volgens de {phase} {year} (CBS Iv3), "
        "vergeleken met {peers} ({n} gemeenten). Inwoners: {population}.",
        "Expenditure and income per inhabitant per functional class ({phase} {year}, CBS Iv3), "
        "compared with {peers} ({n} municipalities). Inhabitants: {population}."),
    "cmp.peers": ("Vergeleken gemeenten", "Municipalities compared"),
    "cmp.measure": ("De {measure} per inwoner", "Per-inhabitant {measure}"),
    "cmp.axis.lasten": ("Lasten per inwoner (€)", "Expenditure per inhabitant (€)"),
    "cmp.axis.baten": ("Baten per inwoner (€)", "Income per inhabitant (€)"),
    "cmp.taakveld": ("Taakveld", "Functional class"),
    "cmp.value": ("{name} € per inwoner", "{name} € per inhabitant"),
    "cmp.median": ("Mediaan", "Median"),
    "cmp.iqr": ("Q1 – Q3", "Q1 – Q3"),
    "cmp.rank": ("Rang (rang / aantal)", "Rank (rank / number)"),
    "cmp.table": ("De {measure} per inwoner per taakveld: {name} en de vergeleken gemeenten",
                  "{measure} per inhabitant per functional class: {name} and its peers"),
    "cmp.note": ("Bedragen in hele euro's per inwoner. Rang 1 = hoogste bedrag in de groep. "
                 "Q1 – Q3: de middelste helft van de vergeleken gemeenten.",
                 "Amounts in whole euros per inhabitant. Rank 1 = highest amount in the group. "
                 "Q1 – Q3: the middle half of the municipalities compared."),
    "cmp.chart.alt": (
        "Puntdiagram van de {measure} per inwoner van {name} per taakveld ({n} taakvelden), "
        "met per taakveld de middelste helft (balk) en de mediaan (streep) van {peers}. "
        "{name} ligt bij {above} taakvelden boven en bij {below} onder de mediaan. "
        "De tabel hieronder geeft alle bedragen.",
        "Dot plot of {name}'s {measure} per inhabitant per functional class ({n} classes), "
        "with the middle half (bar) and the median (tick) of {peers} for each. "
        "{name} is above the median for {above} classes and below it for {below}. "
        "The table below gives every amount."),
    "cmp.indicators": ("Indicatoren vergeleken met Nederland",
                       "Indicators compared with the Netherlands"),
    "cmp.indicators.note": ("Per 1.000 inwoners.", "Per 1,000 inhabitants."),
    "cmp.indicator": ("Indicator", "Indicator"),
    "cmp.year": ("Jaar", "Year"),
    "cmp.sources": ("Bronnen", "Sources"),
    "cmp.source": ("Bron: {source}", "Source: {source}"),
    # problems
    "prob.title": ("Bevindingen van de controles", "Findings of the checks"),
    "prob.none": ("De controles vonden geen problemen.", "The checks found no problems."),
    "prob.code": ("Code", "Code"),
    "prob.severity": ("Ernst", "Severity"),
    "prob.message": ("Melding", "Message"),
    "prob.location": ("Vindplaats", "Location"),
    "prob.summary": ("{errors} fouten, {warnings} waarschuwingen, {notices} opmerkingen.",
                     "{errors} errors, {warnings} warnings, {notices} notices."),
    "sev.error": ("fout", "error"),
    "sev.warning": ("waarschuwing", "warning"),
    "sev.notice": ("opmerking", "notice"),
    # print / exports
    "print.page": ("Pagina", "Page"),
    "print.of": ("van", "of"),
    "print.recap": ("Overzicht van baten en lasten", "Overview of income and expenditure"),
    "print.taakvelden": ("Overzicht van baten en lasten per taakveld",
                         "Income and expenditure per functional class (taakveld)"),
}


def message(key: str, lang: Lang = "nl", **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``."""
    nl, en = MESSAGES[key]
    text = nl if lang == "nl" else en
    return text.format(**values) if values else text


def check_lang(lang: str) -> Lang:
    """Validate a language code from the outside world (CLI, web)."""
    if lang == "nl":
        return "nl"
    if lang == "en":
        return "en"
    raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(LANGS)}")
