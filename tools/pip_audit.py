"""make pip-audit: known vulnerabilities in the pinned requirements (requirements.txt, requirements-dev.txt).

pip-audit asks PyPI's per-release JSON for each pin. Where that has no answer (some PyPI mirrors
serve only the per-project JSON), the per-project JSON still lists the vulnerabilities of the latest
release, which settles pins that are the latest release. Exit status: 1 on any known vulnerability,
2 when the vulnerability service could not be reached at all (nothing audited: not a pass);
pins that could not be audited are listed loudly.
"""

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]+\])?==([^\s;#]+)")


def pins():
    found = {}
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / name).read_text().splitlines():
            if match := PIN.match(line.strip()):
                found[match.group(1).lower()] = match.group(2)
    return found


def main():
    pinned = pins()
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as file:
        file.write("".join(f"{name}=={version}\n" for name, version in pinned.items()))
        file.flush()
        result = subprocess.run(
            [sys.executable, "-m", "pip_audit", "--no-deps", "--disable-pip", "--progress-spinner", "off",
             "--format", "json", "-r", file.name],
            capture_output=True, text=True,
        )
    if not result.stdout.strip():
        print(result.stderr[-2000:], file=sys.stderr)
        print("pip-audit: the vulnerability service could not be reached. NOTHING WAS AUDITED.")
        return 2
    vulnerable, unaudited, audited = [], [], 0
    for dep in json.loads(result.stdout)["dependencies"]:
        name, version = dep["name"], dep.get("version") or pinned.get(dep["name"].lower())
        if "skip_reason" not in dep:
            audited += 1
            vulnerable += [(name, version, vuln["id"], vuln.get("fix_versions")) for vuln in dep["vulns"]]
            continue
        try:
            project = requests.get(f"https://pypi.org/pypi/{name}/json", timeout=20).json()
        except (requests.RequestException, ValueError):
            unaudited.append(f"{name}=={version} (PyPI unreachable)")
            continue
        if project["info"]["version"] != version:
            unaudited.append(f"{name}=={version} (no per-release data; latest is {project['info']['version']})")
            continue
        audited += 1
        vulnerable += [(name, version, vuln["id"], vuln.get("fixed_in")) for vuln in project.get("vulnerabilities", [])]
    for name, version, vuln_id, fixed in vulnerable:
        print(f"VULNERABLE {name}=={version}: {vuln_id} (fixed in {', '.join(fixed or []) or 'no release yet'})")
    for line in unaudited:
        print(f"WARNING: NOT AUDITED {line}")
    print(f"pip-audit: {audited} pins audited, {len(vulnerable)} known vulnerabilities, {len(unaudited)} not audited")
    if audited == 0:
        print("pip-audit: NOTHING WAS AUDITED.")
        return 2
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
