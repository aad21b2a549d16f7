# ruff: noqa: E501
"""Fill locale/en/LC_MESSAGES/django.po from the table below (Dutch source -> English), compile.

Run after ``manage.py makemessages -l en``: ``python src/rekenschap/web/locale/translate_en.py``.
A Dutch text missing from the table is reported and the script exits 1.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

EN: dict[str, str | tuple[str, str]] = {
    "fout": "error",
    "waarschuwing": "warning",
    "opmerking": "notice",
    "Token niet gevonden.": "Token not found.",
    "%(n)s bevinding": ("%(n)s finding", "%(n)s findings"),
    "%(e)s fout": ("%(e)s error", "%(e)s errors"),
    "%(found)s, waarvan %(errors)s": "%(found)s, of which %(errors)s",
    "Het token is ingetrokken; het werkt niet meer.": "The token has been revoked; it no longer works.",
    "Deze zin wordt niet (meer) voorgesteld; bekijk de pagina opnieuw.": "This sentence is not (or no longer) suggested; reload the page.",
    "Deze zin staat al in de tekst.": "This sentence is already in the text.",
    "Voorgestelde zin overgenomen": "Suggested sentence accepted",
    "Deelprogramma niet gevonden.": "Subprogramme (deelprogramma) not found.",
    "Geen getal: %(m)s": "Not a number: %(m)s",
    "API-tokens": "API tokens",
    "Rekenschap — programmaverantwoording (BBV) voor gemeenten": "Rekenschap — programme accountability (BBV) for municipalities",
    "Bevindingen bij de inhoud van dit formulier. Met JavaScript worden ze bijgewerkt terwijl u typt; er wordt pas iets opgeslagen als u op Opslaan klikt.": "Findings for the content of this form. With JavaScript they are updated as you type; nothing is saved until you click Save.",
    "De controle is niet gelukt; bij opslaan wordt opnieuw gecontroleerd.": "The check did not succeed; saving checks again.",
    "naar het veld": "go to the field",
    "deelprogramma": "subprogramme (deelprogramma)",
    "Deelprogramma": "Subprogramme",
    "staat al in de tekst": "already in the text",
    "Overnemen in de tekst": "Add to the text",
    "Waarvoor is dit token? (optioneel)": "What is this token for? (optional)",
    "Uw tokens": "Your tokens",
    "Tokens van alle gebruikers": "All users' tokens",
    "Als beheerder kunt u het token van iedere gebruiker intrekken, bijvoorbeeld als het is uitgelekt of de gebruiker vertrekt.": "As an administrator (beheerder) you can revoke any user's token, for instance when it has leaked or the user leaves.",
    "Gebruiker": "User",
    "{n} nieuw": "{n} new",
    "{n} opgelost": "{n} resolved",
    "Er zijn geen tokens.": "There are no tokens.",
    "Alleen een beheerder ziet de tokens van alle gebruikers.": "Only an administrator (beheerder) sees all users' tokens.",
    "Gemaakt op": "Created at",
    "Intrekken": "Revoke",
    "U hebt geen tokens.": "You have no tokens.",
    "Ongeldige vergelijkingsgroep '%(p)s': kies size-class, province of CBS-codes als GM0014,GM0034.": "Invalid peer group '%(p)s': choose size-class, province or CBS codes such as GM0014,GM0034.",
    "De organisatie van dit document heeft geen CBS-code (zoals GM0014); vergelijken kan daarom niet.": "This document's organisation has no CBS code (such as GM0014), so it cannot be compared.",
    "De open data ontbreken: geen Iv3-bestand (%(phase)s, %(year)s of eerder) of geen gemeentelijst in %(root)s. Stel REKENSCHAP_OPENDATA in op de map met de CBS-bestanden.": "The open data are missing: no Iv3 file (%(phase)s, %(year)s or earlier) or no municipality register in %(root)s. Set REKENSCHAP_OPENDATA to the folder with the CBS files.",
    "Geen vergelijking mogelijk: %(r)s": "No comparison possible: %(r)s",
    "%(name)s: %(measure)s per inwoner per taakveld (%(phase)s %(year)s) tegen %(n)s vergelijkbare gemeenten (%(label)s). De balk is het middelste kwart tot driekwart van de vergelijkingsgroep, het streepje de mediaan, de stip %(name)s. %(name)s ligt bij %(above)s van de %(total)s taakvelden boven de mediaan; de tabel eronder geeft alle waarden.": "%(name)s: %(measure)s per inhabitant per taakveld (%(phase)s %(year)s) against %(n)s comparable municipalities (%(label)s). The bar is the peer group's first to third quartile, the tick the median, the dot %(name)s. %(name)s is above the median in %(above)s of the %(total)s taakvelden; the table below gives all values.",
    "Regel '%(label)s' van het overzicht van baten en lasten verwijst naar programma %(ref)s, dat niet (meer) bestaat; de totaalcontrole slaat deze regel over.": "Line '%(label)s' of the overview of income and expenditure refers to programme %(ref)s, which does not exist (any more); the totals check skips this line.",
    "Waarnemingen": "Observations",
    "Streefwaarden per jaar": "Targets per year",
    "Indicator bewerken": "Edit indicator",
    "Verschillen": "Differences",
    "Vergelijken": "Compare",
    "Terug naar het document": "Back to the document",
    "Vergelijken met": "Compare with",
    "size-class (zelfde gemeenteklasse), province (zelfde provincie) of CBS-codes, bijvoorbeeld GM0014,GM0034": "size-class (same size class), province (same province) or CBS codes, e.g. GM0014,GM0034",
    "Vergelijk": "Compare",
    "Geen vergelijking": "No comparison",
    "%(name)s (%(code)s), Iv3 %(phase)s %(year)s, vergeleken met %(n)s gemeenten: %(label)s.": "%(name)s (%(code)s), Iv3 %(phase)s %(year)s, compared with %(n)s municipalities: %(label)s.",
    "Inwoners": "Inhabitants",
    "De vergelijkingsgroep": "The peer group",
    "Lasten per inwoner per taakveld": "Expenditure per inhabitant per taakveld",
    "Baten per inwoner per taakveld": "Income per inhabitant per taakveld",
    "Euro per inwoner": "Euro per inhabitant",
    "Taakveld": "Taakveld",
    "Eerste kwartiel": "First quartile",
    "Mediaan": "Median",
    "Derde kwartiel": "Third quartile",
    "Rang": "Rank",
    "Indicatoren tegen Nederland": "Indicators against the Netherlands",
    "Per 1.000 inwoners (CBS)": "Per 1,000 inhabitants (CBS)",
    "Indicator": "Indicator",
    "Jaar": "Year",
    "Nederland": "Netherlands",
    "Bron": "Source",
    "Geen indicatoren uit de open data voor deze gemeente.": "No open-data indicators for this municipality.",
    "Bronnen": "Sources",
    "Meldingen bij de open data": "Messages about the open data",
    "Vergelijken met andere gemeenten (open data)": "Compare with other municipalities (open data)",
    "Programma niet gevonden.": "Programme not found.",
    "U mag dit programma niet inzien.": "You may not view this programme.",
    "U mag geen documenten importeren.": "You may not import documents.",
    "Het rapport is niet geldig.": "The report is not valid.",
    "Document niet gevonden.": "Document not found.",
    "U mag dit document niet inzien.": "You may not view this document.",
    "Onbekende actie: %(a)s": "Unknown action: %(a)s",
    "U mag de geschiedenis niet inzien.": "You may not view the history.",
    "Revisie niet gevonden.": "Revision not found.",
    "U mag de opmerkingen niet inzien.": "You may not view the comments.",
    "U mag hier geen opmerking plaatsen.": "You may not comment here.",
    "Opmerking is niet geldig.": "The comment is not valid.",
    "Doelen en activiteiten": "Goals and activities",
    "Financiën (tabel)": "Finance (table)",
    "Beleidsindicatoren": "Policy indicators",
    "Toelichting op verschillen": "Explanation of variances",
    "Overige tekst": "Other text",
    "Code": "Code",
    "Naam": "Name",
    "Toelichting bij deze wijziging": "Note on this change",
    "regel %(n)s": "line %(n)s",
    "Bestand (PDF, tekst, JSON of YAML)": "File (PDF, text, JSON or YAML)",
    "Over": "About",
    "Dit is een vraag": "This is a question",
    "Opmerking": "Comment",
    "Bestandstype %(s)s wordt niet ondersteund (wel: %(a)s).": "File type %(s)s is not supported (supported: %(a)s).",
    "Bestand is %(n)s bytes; het maximum is %(m)s.": "File is %(n)s bytes; the maximum is %(m)s.",
    "Het bestand is leeg.": "The file is empty.",
    "Het bestand heet .pdf maar is geen PDF.": "The file is named .pdf but is not a PDF.",
    "Het bestand is geen tekstbestand.": "The file is not a text file.",
    "geïmporteerd uit %(f)s": "imported from %(f)s",
    "beheerder": "administrator",
    "controller": "controller",
    "auteur": "author",
    "lezer": "reader",
    "raadslid": "council member",
    "concept": "draft",
    "ter review": "in review",
    "goedgekeurd": "approved",
    "gepubliceerd": "published",
    "U mag niet publiceren.": "You may not publish.",
    "Er is nog geen goedgekeurd programma om te publiceren.": "There is no approved programme to publish yet.",
    "Een goedkeuring is intussen gewijzigd; publiceer opnieuw.": "An approval changed meanwhile; publish again.",
    "De inhoud is niet geldig.": "The content is not valid.",
    "U mag dit programma niet bewerken.": "You may not edit this programme.",
    "Dit programma is vergrendeld (status: %(state)s); start een correctie.": "This programme is locked (status: %(state)s); start a correction.",
    "Iemand anders heeft dit programma intussen opgeslagen.": "Someone else saved this programme meanwhile.",
    "hersteld van revisie %(n)s": "restored from revision %(n)s",
    "Er is geen gepubliceerde versie.": "There is no published version.",
    "Doel: %(t)s": "Goal: %(t)s",
    "Financiële tabel": "Finance table",
    "Indicator: %(t)s": "Indicator: %(t)s",
    "Het programma": "The programme",
    "Dit programma is vergrendeld; start een correctie.": "This programme is locked; start a correction.",
    "Opgeslagen als nieuwe revisie.": "Saved as a new revision.",
    "Onbekende actie.": "Unknown action.",
    "Ongeldige versie.": "Invalid version.",
    "Revisie %(n)s is hersteld als nieuwe revisie.": "Revision %(n)s was restored as a new revision.",
    "Uw opmerking is geplaatst.": "Your comment was posted.",
    "U mag deze actie niet uitvoeren.": "You may not perform this action.",
    "Deze actie kan niet vanuit status %(state)s.": "This action is not possible from status %(state)s.",
    "De status is intussen gewijzigd; laad de pagina opnieuw.": "The status changed meanwhile; reload the page.",
    "Naar de inhoud": "Skip to content",
    "Hoofdmenu": "Main menu",
    "Opmerkingen": "Comments",
    "API-token": "API token",
    "Gebruikersbeheer": "User management",
    "Uitloggen": "Log out",
    "Taal": "Language",
    "Kies": "Choose",
    "Conflict": "Conflict",
    "Iemand anders heeft dit programma intussen opgeslagen": "Someone else saved this programme meanwhile",
    "Uw wijzigingen zijn niet verloren: ze staan hieronder in het formulier. Vergelijk met de "
    "opgeslagen versie en sla opnieuw op.": "Your changes are not lost: they are in the form below. Compare with the saved version "
    "and save again.",
    "Verschillen (opgeslagen versie → uw versie)": "Differences (saved version → your version)",
    "Veld": "Field",
    "Opgeslagen versie": "Saved version",
    "Uw versie": "Your version",
    "Mijn versie opslaan": "Save my version",
    "Programma's": "Programmes",
    "Programma": "Programme",
    "Status": "Status",
    "Versie": "Version",
    "Gepubliceerd op": "Published on",
    "bekijk de website": "view the website",
    "download als zip": "download as zip",
    "Publiceren (goedgekeurde versies)": "Publish (approved versions)",
    "Importproblemen": "Import problems",
    "Bewerken": "Edit",
    "Elk onderdeel is gestructureerde tekst (YAML) in de vorm van het uitwisselformaat; bij "
    "opslaan controleert het domeinmodel elk veld.": "Each part is structured text (YAML) in the shape of the interchange format; on saving "
    "the domain model checks every field.",
    "Niet opgeslagen; zie de meldingen bij de velden.": "Not saved; see the messages at the fields.",
    "Opslaan": "Save",
    "Niet gelukt": "Did not succeed",
    "Naar het overzicht": "To the overview",
    "Geschiedenis": "History",
    "Nog geen statuswijzigingen.": "No status changes yet.",
    "Revisies": "Revisions",
    "Revisie": "Revision",
    "%(n)s wijziging": ("%(n)s change", "%(n)s changes"),
    "Was": "Was",
    "Wordt": "Becomes",
    "Deze revisie herstellen": "Restore this revision",
    "Documenten": "Documents",
    "Document importeren": "Import a document",
    "%(n)s programma": ("%(n)s programme", "%(n)s programmes"),
    "Er zijn nog geen documenten.": "There are no documents yet.",
    "Importeren": "Import",
    "Importresultaat": "Import result",
    "Er is een conceptdocument gemaakt:": "A draft document was created:",
    "Het bestand kon niet worden gelezen; er is niets aangemaakt.": "The file could not be read; nothing was created.",
    "Wat niet gelezen kon worden": "What could not be read",
    "Vragen en opmerkingen": "Questions and comments",
    "vraag": "question",
    "Geen opmerkingen.": "No comments.",
    "Inloggen": "Log in",
    "Gebruikersnaam of wachtwoord onjuist (of te veel pogingen).": "Wrong username or password (or too many attempts).",
    "Gebruikersnaam": "Username",
    "Wachtwoord": "Password",
    "Wachtwoord wijzigen": "Change password",
    "U bent ingelogd met een eenmalig wachtwoord. Kies eerst een eigen wachtwoord.": "You logged in with a one-time password. Choose your own password first.",
    "Wachtwoord gewijzigd": "Password changed",
    "Verder": "Continue",
    "Bevindingen": "Findings",
    "Waar": "Where",
    "Ernst": "Severity",
    "Melding": "Message",
    "p.": "p.",
    "Geen bevindingen.": "No findings.",
    "revisie": "revision",
    "Ter review aanbieden": "Submit for review",
    "Goedkeuren": "Approve",
    "Terug naar concept": "Back to draft",
    "Correctie starten": "Start a correction",
    "Controles": "Checks",
    "Voorgestelde zinnen": "Suggested sentences",
    "over": "about",
    "Nog geen opmerkingen.": "No comments yet.",
    "Plaatsen": "Post",
    "Wat willen we bereiken?": "What do we want to achieve?",
    "Wat heeft het gekost?": "What did it cost?",
    "Financiën": "Finance",
    "Omschrijving": "Description",
    "Uw nieuwe token (wordt maar één keer getoond):": "Your new token (shown only once):",
    "Gebruik het token als": "Use the token as",
    "API-documentatie": "API documentation",
    "Nieuw token maken": "Create a new token",
    "Doel niet gevonden.": "Goal not found.",
    "Een doel heeft een titel.": "A goal needs a title.",
    "Dit programma heeft geen financiële tabel.": "This programme has no finance table.",
    "Doel bewerken": "Edit goal",
    "Nieuw doel": "New goal",
    "Titel (wat willen we bereiken?)": "Title (what do we want to achieve?)",
    "Toelichting": "Explanation",
    "Activiteiten (één per regel)": "Activities (one per line)",
    "Financiën bewerken": "Edit finance",
    "Bedragen zoals gedrukt, op zijn Nederlands (42.668 of -4.346); leeg of - is geen bedrag.": "Amounts as printed, the Dutch way (42.668 or -4.346); empty or - is no amount.",
    "Niet opgeslagen: deze cellen zijn geen getal:": "Not saved: these cells are not numbers:",
    "Alles bewerken": "Edit everything",
    "Doel toevoegen": "Add a goal",
    "Dit doel bewerken": "Edit this goal",
    "U mag de drempels niet instellen.": "You may not set the thresholds.",
    "Drempels opgeslagen; de controles gebruiken ze vanaf nu.": "Thresholds saved; the checks use them from now on.",
    "Drempels": "Thresholds",
    "Drempels voor de controles": "Thresholds for the checks",
    "In het formaat van rekenschap.toml (zie docs/checks.md), bijvoorbeeld:": "In the format of rekenschap.toml (see docs/checks.md), for example:",
    "Niet opgeslagen:": "Not saved:",
    "Eerdere versies": "Earlier versions",
    "Onderdeel niet gevonden.": "Part not found.",
    "Waarnemingen van de indicator": "Observations of the indicator",
    "Getallen op zijn Nederlands (5,7 of 42.668). Maak een rij leeg om hem te verwijderen; vul een lege rij om iets toe te voegen.": "Numbers the Dutch way (5,7 or 42.668). Empty a row to remove it; fill an empty row to add one.",
    "Niet opgeslagen: deze velden zijn geen getal:": "Not saved: these fields are not numbers:",
    "Waarnemingen bewerken": "Edit observations",
    "Toelichting bewerken": "Edit explanation",
    "U mag geen gebruikers beheren.": "You may not manage users.",
    "Geen enkel programma herkend; er is geen document aangemaakt.": "No programme recognised; no document was created.",
}

PO = Path(__file__).parent / "en" / "LC_MESSAGES" / "django.po"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _unquote(parts: list[str]) -> str:
    return "".join(p[1:-1].replace('\\"', '"').replace("\\\\", "\\") for p in parts)


def fill(text: str) -> tuple[str, list[str]]:
    missing: list[str] = []
    out: list[str] = []
    for block in text.split("\n\n"):
        lines = block.split("\n")
        ids = [i for i, line in enumerate(lines) if line.startswith("msgid ")]
        if not ids:
            out.append(block)
            continue
        start = ids[0]
        end = start + 1
        while end < len(lines) and lines[end].startswith('"'):
            end += 1
        msgid = _unquote([lines[start][6:], *lines[start + 1 : end]])
        if not msgid:
            out.append(block)
            continue
        head = [line for line in lines[:end] if not line.startswith("#, fuzzy")]
        english = EN.get(msgid)
        if english is None:
            missing.append(msgid)
            out.append(block)
            continue
        if isinstance(english, tuple):
            plural = next(line for line in lines if line.startswith("msgid_plural "))
            out.append(
                "\n".join(
                    [
                        *head,
                        plural,
                        f"msgstr[0] {_quote(english[0])}",
                        f"msgstr[1] {_quote(english[1])}",
                    ]
                )
            )
        else:
            out.append("\n".join([*head, f"msgstr {_quote(english)}"]))
    return "\n\n".join(out), missing


def main() -> int:
    text, missing = fill(PO.read_text(encoding="utf-8"))
    text = re.sub(
        r'"Content-Type: text/plain; charset=CHARSET\\n"',
        r'"Content-Type: text/plain; charset=UTF-8\\n"',
        text,
    )
    text = re.sub(r'"Plural-Forms: .*"', r'"Plural-Forms: nplurals=2; plural=(n != 1);\\n"', text)
    text = text.replace('#, fuzzy\nmsgid ""\nmsgstr ""', 'msgid ""\nmsgstr ""', 1)
    PO.write_text(text, encoding="utf-8")
    for msgid in missing:
        print(f"{PO}: no English for {msgid!r}", file=sys.stderr)
    subprocess.run(["msgfmt", "--check", "-o", str(PO.with_suffix(".mo")), str(PO)], check=True)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
