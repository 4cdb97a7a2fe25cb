"""The release workflow (.github/workflows/release.yml) cannot run on these Linux machines, so it is
linted here: valid YAML of the documented shape, the GitHub workflow schema, and zizmor's offline audits."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


def _tool(name: str) -> str:
    here = Path(sys.executable).with_name(name)
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed (it is in the test extras: pip install -e '.[test]')")
    return found


def test_workflow_builds_each_bundle_on_its_own_runner_and_keeps_it():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = flow[True] if True in flow else flow["on"]  # YAML 1.1 reads the key `on` as True
    assert "workflow_dispatch" in triggers and triggers["push"]["tags"]
    assert flow["permissions"] == {"contents": "read"}
    [job] = flow["jobs"].values()
    runners = {entry["name"]: entry for entry in job["strategy"]["matrix"]["include"]}
    assert runners["windows"]["os"].startswith("windows") and runners["macos"]["os"].startswith("macos")
    runs = " ".join(step.get("run", "") for step in job["steps"])
    for script in ("packaging\\build_windows.ps1", "packaging/build_macos.sh"):
        assert script in runs
        assert (ROOT / script.replace("\\", "/")).is_file()
    for script in ("packaging/build_windows.ps1", "packaging/build_macos.sh"):
        assert "--self-test" in (ROOT / script).read_text(encoding="utf-8"), f"{script} must self-test the bundle"
    upload = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["if-no-files-found"] == "error" and upload["with"]["path"] == "${{ matrix.files }}"
    for step in job["steps"]:
        if "uses" in step:
            ref = step["uses"].split("@", 1)[1]
            assert len(ref) == 40 and all(c in "0123456789abcdef" for c in ref), f"{step['uses']}: pin a commit"


def test_workflow_matches_the_github_schema():
    r = subprocess.run([_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr


def test_zizmor_finds_nothing_offline():
    r = subprocess.run([_tool("zizmor"), "--offline", "--no-progress", str(WORKFLOW)], capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr


def test_the_lint_catches_a_broken_workflow(tmp_path):
    """The schema check can fail: a job without runs-on is refused."""
    bad = tmp_path / "bad.yml"
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    flow["on"] = flow.pop(True)
    del flow["jobs"]["bundle"]["runs-on"]
    bad.write_text(yaml.safe_dump(flow), encoding="utf-8")
    r = subprocess.run([_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(bad)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode != 0
