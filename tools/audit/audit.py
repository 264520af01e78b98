"""Nu HTML checker on every public page type, Lighthouse (mobile) on the pages visitors land on, against
the loopback cluster (one gunicorn instance, production settings, WhiteNoise, DEBUG off).

Fails on any Nu error, or on Lighthouse scores below the targets of issue 7 (Performance >= 95,
Accessibility, Best Practices and SEO 100). AUDIT_LIGHTHOUSE=0 skips Lighthouse (vnu only);
AUDIT_PAGES=home,event runs Lighthouse on those pages only.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "tools"), str(ROOT)]

from cluster import Cluster  # noqa: E402
from tests.public_pages import LANGUAGES, PUBLIC_PAGES  # noqa: E402

HERE = Path(__file__).resolve().parent
VNU = HERE / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
# Lighthouse runs on these page types (keys of tests/public_pages.PUBLIC_PAGES), in German.
LIGHTHOUSE_PAGES = ("home", "directory", "profile", "calendar", "event", "verification")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"


def page_url(cluster, url, lang):
    """A page's URL on the cluster. Entries found in the database (tests/public_pages.FromDatabase) are
    looked up over HTTP instead: this process has no Django set up."""
    if isinstance(url, str):
        return cluster.url + url.format(lang=lang)
    holders = requests.get(cluster.url + "/api/label-holders.json", timeout=30).json()["certificates"]
    number = next(holder["number"] for holder in holders if holder["status"] == "valid")
    return f"{cluster.url}/{lang}/label/certificates/{number}/"


def nu_check(cluster, workdir):
    files = []
    for kind, url in PUBLIC_PAGES.items():
        for lang in LANGUAGES:
            response = requests.get(page_url(cluster, url, lang), timeout=30)
            path = workdir / f"{kind.replace(' ', '-')}-{lang}.html"
            path.write_bytes(response.content)
            files.append(path)
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True, text=True,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    for message in messages:
        print(f"  vnu {Path(message.get('url', '')).name}:{message.get('lastLine')}: {message['message']}")
    print(f"Nu HTML checker: {len(files)} pages, {len(messages)} errors")
    return len(messages)


def lighthouse(cluster, workdir):
    failures = 0
    chosen = os.environ.get("AUDIT_PAGES")
    kinds = chosen.split(",") if chosen else LIGHTHOUSE_PAGES
    rows = []
    for kind in kinds:
        report = workdir / f"lh-{kind.replace(' ', '-')}.json"
        url = page_url(cluster, PUBLIC_PAGES[kind], "de")
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             "--form-factor=mobile", "--only-categories=performance,accessibility,best-practices,seo",
             f"--chrome-flags={CHROME_FLAGS}"],
            check=True, env={**os.environ, "CHROME_PATH": CHROMIUM},
        )
        data = json.loads(report.read_text())
        scores = {name: round(data["categories"][name]["score"] * 100) for name in TARGETS}
        rows.append((kind, scores))
        for name, target in TARGETS.items():
            if scores[name] < target:
                failures += 1
                refs = {ref["id"] for ref in data["categories"][name]["auditRefs"]}
                failed = [f"{audit['id']} ({audit['score']:.2f})" for audit in data["audits"].values()
                          if audit["id"] in refs and audit.get("score") is not None and audit["score"] < 0.9
                          and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")]
                print(f"  {kind}: {name} {scores[name]} < {target}; below par: {', '.join(failed[:10])}")
    print(f"\nLighthouse {data['lighthouseVersion']}, mobile, /de/ pages")
    print(f"{'page':<14} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}")
    for kind, scores in rows:
        print(f"{kind:<14} {scores['performance']:>5} {scores['accessibility']:>5} "
              f"{scores['best-practices']:>5} {scores['seo']:>5}")
    return failures


def main():
    workdir = Path(tempfile.mkdtemp(prefix="mbb-audit-"))
    with Cluster(instances=1, port=int(os.environ.get("AUDIT_PORT", "8240")),
                 database_url=os.environ.get("AUDIT_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mbb_prod_audit")) as cluster:
        errors = nu_check(cluster, workdir)
        if os.environ.get("AUDIT_LIGHTHOUSE", "1") != "0":
            errors += lighthouse(cluster, workdir)
    print("audit passed" if not errors else f"audit FAILED ({errors} problems)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
