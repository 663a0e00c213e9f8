"""Screenshots of the case report (screen and print) and of the timeline picture.

Run from a checkout, with Chromium installed (Debian: ``apt-get install chromium``;
``pdftoppm`` from poppler-utils for the printed pages)::

    python bench/screenshots.py [OUT_DIR]

It writes, for ``kasimov`` and one decided case: the report as HTML, the
timeline as SVG, screenshots of the report on screen (its first four screens
of 1500 pixels) and of the SVG, the report printed to PDF by
Chromium and its first pages as PNG. Chromium runs headless, with no network
features, in a throwaway profile. Nothing here is needed by the library; the
test suite runs it only where ``chromium`` is on the PATH.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import proceedings
from proceedings import render

ROOT = Path(__file__).resolve().parent.parent
CASES = {
    "kasimov": ROOT / "examples" / "cases" / "kasimov.json",
    "mk-v-poland": ROOT / "examples" / "decisions" / "ecthr-2020-mk-and-others-v-poland.json",
}
WIDTH = 1200
TILE = 1500
SCREENS = 4  # screens of TILE pixels, from the top


def chromium(*args: str) -> None:
    """Run headless Chromium with the network features off, in a throwaway profile."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        raise SystemExit("chromium is not installed")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                exe,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                f"--user-data-dir={profile}",
                *args,
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def scrolled(page: Path, offset: int) -> Path:
    """A copy of ``page`` shifted up by ``offset`` pixels (headless Chromium shoots only the
    top of a page, and does not scroll to a ``#fragment`` before it does)."""
    if offset == 0:
        return page
    copy = page.with_name(f"{page.stem}.at{offset}.html")
    text = page.read_text(encoding="utf-8")
    shift = f"<style>html {{ margin-top: -{offset}px; }} nav.toc {{ display: none; }}</style>"
    copy.write_text(text.replace("</head>", shift + "</head>", 1), encoding="utf-8")
    return copy


def shoot(out: Path) -> list[Path]:
    """Write the reports, pictures and screenshots into ``out``; return the PNGs."""
    out.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    for name, source in CASES.items():
        with source.open("rb") as fp:
            record = proceedings.load(fp)
        report = proceedings.validate(record)
        page = out / f"{name}.html"
        page.write_text(render.case_report_html(record, report), encoding="utf-8")
        svg = out / f"{name}-timeline.svg"
        svg.write_text(
            render.timeline_to_svg(render.timeline(record), report=report), encoding="utf-8"
        )
        for n, offset in enumerate(range(0, SCREENS * TILE, TILE), start=1):
            shot = out / f"{name}-screen-{n}.png"
            view = scrolled(page, offset)
            chromium(f"--screenshot={shot}", f"--window-size={WIDTH},{TILE}", view.as_uri())
            if view != page:
                view.unlink()
            made.append(shot)
        picture = out / f"{name}-timeline.png"
        chromium(f"--screenshot={picture}", "--window-size=980,900", svg.as_uri())
        made.append(picture)
        pdf = out / f"{name}-print.pdf"
        chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
        if shutil.which("pdftoppm"):
            prefix = out / f"{name}-print"
            subprocess.run(
                ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "4", str(pdf), str(prefix)],
                check=True,
                timeout=120,
            )
            made += sorted(out.glob(f"{name}-print-*.png"))
    return made


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("screenshots")
    for png in shoot(target):
        print(png)
