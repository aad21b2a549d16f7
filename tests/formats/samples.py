"""Small report documents shared by the format tests."""

from __future__ import annotations

from textwrap import dedent

GOOD = dedent("""\
    schema: rekenschap/report@1
    organisation:
      name: Gemeente Voorbeeld
      cbs_code: GM0014
    document:
      kind: jaarstukken
      year: 2024
    unit:
      scale: 1000
    programmes:
      - code: '2'
        name: Veiligheid
        finance:
          columns:
            - {key: amended, kind: amended_budget, label: Actuele begroting}
            - {key: actual, kind: actual, label: Rekening}
          rows:
            - kind: lasten
              label: Lasten
              values:
                amended: 44622
                actual: 45324
            - kind: baten
              label: Baten
              values:
                amended: 6506
                actual: 9648
    """)
