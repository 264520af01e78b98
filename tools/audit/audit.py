"""Nu HTML checker and Lighthouse on every public page type, against the loopback cluster (one instance).

Fails on any Nu error, or on Lighthouse scores below the targets of issue 7 (Performance >= 95,
Accessibility, Best Practices and SEO 100). AUDIT_LIGHTHOUSE=0 skips Lighthouse (vnu only).
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
    print(f"{'page':<16} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}")
    for kind, url in PUBLIC_PAGES.items():
        if kind == "not found":
            continue
        report = workdir / f"lh-{kind.replace(' ', '-')}.json"
        subprocess.run(
            [str(LIGHTHOUSE), page_url(cluster, url, "de"), "--quiet", "--output=json",
             f"--output-path={report}", "--only-categories=performance,accessibility,best-practices,seo",
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"],
            check=True, env={**os.environ, "CHROME_PATH": CHROMIUM},
        )
        data = json.loads(report.read_text())
        scores = {name: round(data["categories"][name]["score"] * 100) for name in TARGETS}
        print(f"{kind:<16} {scores['performance']:>5} {scores['accessibility']:>5} "
              f"{scores['best-practices']:>5} {scores['seo']:>5}")
        for name, target in TARGETS.items():
            if scores[name] < target:
                failures += 1
                failed = [audit["title"] for audit in data["audits"].values()
                          if audit.get("score") is not None and audit["score"] < 1
                          and audit.get("scoreDisplayMode") == "binary"]
                print(f"  {name} {scores[name]} < {target}; failing audits: {failed[:8]}")
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
