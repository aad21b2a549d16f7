"""Vendor the NL Design System CSS and axe-core into the repository (a maintainer runs it).

    python scripts/vendor_assets.py            # npm install into a temp dir, copy what we use
    python scripts/vendor_assets.py --check    # only report whether the vendored files are current

What it copies (versions pinned in ``PACKAGES``):
- ``@utrecht/component-library-css`` (EUPL-1.2): the ``html.css`` bundle that styles plain
  semantic HTML inside ``.utrecht-html``, and from ``index.css`` only the rules of the components
  the site uses (``COMPONENTS``), selected with tinycss2 rule by rule;
- ``@nl-design-system-unstable/voorbeeld-design-tokens`` (EUPL-1.2): the neutral example theme
  of NL Design System, reduced to the ``--basis-*`` and ``--utrecht-*`` custom properties;
- ``axe-core`` (MPL-2.0): ``axe.min.js`` as a *test* asset (tests/render/assets), never shipped.

Every copied file gets its licence next to it and a VENDOR.json records package versions and
sha256 sums. Users of the package never need npm: the output is committed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import tinycss2  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "src" / "rekenschap" / "render" / "static" / "vendor"
TEST_ASSETS = ROOT / "tests" / "render" / "assets"

PACKAGES = {
    "@utrecht/component-library-css": "9.0.4",
    "@nl-design-system-unstable/voorbeeld-design-tokens": "7.4.1",
    "axe-core": "4.14.1",
}

COMPONENTS = (
    "alert", "article", "badge-status", "body", "breadcrumb-nav", "button", "data-badge",
    "document", "figure", "form-field", "form-label", "heading-1", "heading-2", "heading-3",
    "heading-4", "link", "link-list", "nav-bar", "nav-list", "page", "page-body", "page-content",
    "page-footer", "page-header", "paragraph", "root", "separator", "skip-link", "status-badge",
    "surface", "table", "table-container", "textbox", "unordered-list", "ordered-list",
)
"""Component class names (``.utrecht-NAME``) whose rules are kept from index.css."""

TOKEN_PREFIXES = ("--basis-", "--utrecht-")


def _wanted_selector(prelude: str) -> bool:
    for name in COMPONENTS:
        cls = f".utrecht-{name}"
        start = 0
        while (i := prelude.find(cls, start)) >= 0:
            after = prelude[i + len(cls): i + len(cls) + 2]
            # .utrecht-page matches .utrecht-page, .utrecht-page--x, .utrecht-page__x, not -body
            if not after or after[0] in " ,:.>[{)\n" or after in {"--", "__"}:
                return True
            start = i + 1
    return False


def select_component_rules(css: str) -> str:
    """Keep the rules (also inside @media/@supports) whose selectors name a wanted component."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "\n".join(_select(rules)) + "\n"


def _select(rules: list[tinycss2.ast.Node]) -> list[str]:
    out: list[str] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            if _wanted_selector(tinycss2.serialize(rule.prelude)):
                out.append(rule.serialize())
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in {
                "media", "supports", "layer", "container"}:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True,
                                             skip_whitespace=True)
            kept = _select(inner)
            if kept:
                head = f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}"
                out.append(head + "{\n" + "\n".join(kept) + "\n}")
    return out


def select_tokens(css: str) -> str:
    """The theme's custom properties with our prefixes, in their original selectors."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    out: list[str] = []
    for rule in rules:
        if rule.type != "qualified-rule":
            continue
        decls = tinycss2.parse_blocks_contents(rule.content, skip_comments=True,
                                               skip_whitespace=True)
        kept = [f"  {d.name}: {tinycss2.serialize(d.value).strip()};" for d in decls
                if d.type == "declaration" and d.name.startswith(TOKEN_PREFIXES)]
        if kept:
            out.append(tinycss2.serialize(rule.prelude).strip() + " {\n" + "\n".join(kept) + "\n}")
    return "\n".join(out) + "\n"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def vendor(work: Path) -> dict[str, dict[str, str]]:
    specs = [f"{name}@{version}" for name, version in PACKAGES.items()]
    subprocess.run(["npm", "init", "-y"], cwd=work, check=True, capture_output=True)
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--ignore-scripts", *specs],
                   cwd=work, check=True)
    nm = work / "node_modules"
    lib = nm / "@utrecht" / "component-library-css"
    theme = nm / "@nl-design-system-unstable" / "voorbeeld-design-tokens"
    axe = nm / "axe-core"
    VENDOR.mkdir(parents=True, exist_ok=True)
    TEST_ASSETS.mkdir(parents=True, exist_ok=True)
    header = "/* Vendored by scripts/vendor_assets.py from {} {} ({}); licence: {} */\n"
    (VENDOR / "utrecht-html.css").write_text(
        header.format("@utrecht/component-library-css", PACKAGES["@utrecht/component-library-css"],
                      "dist/html.css", "LICENSE-utrecht.md (EUPL-1.2)")
        + (lib / "dist" / "html.css").read_text(encoding="utf-8"), encoding="utf-8")
    (VENDOR / "utrecht-components.css").write_text(
        header.format("@utrecht/component-library-css", PACKAGES["@utrecht/component-library-css"],
                      "dist/index.css, selected components", "LICENSE-utrecht.md (EUPL-1.2)")
        + select_component_rules((lib / "dist" / "index.css").read_text(encoding="utf-8")),
        encoding="utf-8")
    (VENDOR / "voorbeeld-theme.css").write_text(
        header.format("@nl-design-system-unstable/voorbeeld-design-tokens",
                      PACKAGES["@nl-design-system-unstable/voorbeeld-design-tokens"],
                      "dist/theme.css, --basis-* and --utrecht-* tokens",
                      "LICENSE-voorbeeld.md (EUPL-1.2)")
        + select_tokens((theme / "dist" / "theme.css").read_text(encoding="utf-8")),
        encoding="utf-8")
    shutil.copyfile(lib / "LICENSE.md", VENDOR / "LICENSE-utrecht.md")
    shutil.copyfile(theme / "LICENSE.md", VENDOR / "LICENSE-voorbeeld.md")
    shutil.copyfile(axe / "axe.min.js", TEST_ASSETS / "axe.min.js")
    shutil.copyfile(axe / "LICENSE", TEST_ASSETS / "LICENSE-axe-core.txt")
    files = sorted([*VENDOR.glob("*.css"), *VENDOR.glob("LICENSE-*"),
                    TEST_ASSETS / "axe.min.js"])
    sums = {str(p.relative_to(ROOT)): _sha(p) for p in files}
    manifest: dict[str, dict[str, str]] = {"packages": PACKAGES, "files": sums}
    (VENDOR / "VENDOR.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def check() -> int:
    manifest_path = VENDOR / "VENDOR.json"
    if not manifest_path.exists():
        print(f"missing {manifest_path}", file=sys.stderr)
        return 1
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    stale = [name for name, sha in manifest["files"].items()
             if not (ROOT / name).exists() or _sha(ROOT / name) != sha]
    if manifest["packages"] != PACKAGES:
        stale.append("package versions changed")
    for name in stale:
        print(f"stale: {name}", file=sys.stderr)
    return 1 if stale else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only verify the vendored files")
    args = parser.parse_args()
    if args.check:
        return check()
    with tempfile.TemporaryDirectory(prefix="rekenschap-vendor-") as tmp:
        manifest = vendor(Path(tmp))
    for name in manifest["files"]:
        print(f"wrote {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
