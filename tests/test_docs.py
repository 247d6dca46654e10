"""Docs stay true: hooks documented with their exact signatures, every hook tested, tutorial
code identical to the tested example, every record field documented, links resolve.

Run ``python tests/test_docs.py --sync`` to refresh the tutorial's included code blocks.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
HOOKSPECS = ROOT / "src" / "eventx" / "plugins" / "hookspecs.py"
INCLUDE_RE = re.compile(
    r"(<!-- include: (?P<path>[^ ]+) -->\n```(?P<lang>\w*)\n)(?P<body>.*?)(```)", re.DOTALL
)


def hook_signatures() -> dict[str, str]:
    """``def name(args) -> ret`` for each hookspec, as written in the source."""
    tree = ast.parse(HOOKSPECS.read_text("utf-8"))
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("eventx_"):
            args = ", ".join(ast.unparse(a) for a in node.args.args)
            returns = ast.unparse(node.returns) if node.returns else "None"
            found[node.name] = f"def {node.name}({args}) -> {returns}"
    return found


def documented_signatures(markdown: str) -> dict[str, str]:
    """The first code block under each ``### eventx_...`` heading, whitespace-normalised."""
    found: dict[str, str] = {}
    pattern = r"^### (eventx_\w+)\n.*?```python\n(.*?)```"
    for match in re.finditer(pattern, markdown, re.M | re.S):
        found[match.group(1)] = " ".join(match.group(2).split()).replace("( ", "(")
    return found


def test_every_hook_is_documented_with_its_exact_signature() -> None:
    from eventx.plugins.hookspecs import HOOK_NAMES

    specs = hook_signatures()
    assert sorted(specs) == sorted(HOOK_NAMES)
    documented = documented_signatures((DOCS / "plugins.md").read_text("utf-8"))
    assert sorted(documented) == sorted(specs), "documented hooks differ from hookspecs.py"
    for name, signature in specs.items():
        assert documented[name] == signature


def test_firstresult_hooks_are_documented_as_such() -> None:
    from eventx.plugins import hookspecs

    text = (DOCS / "plugins.md").read_text("utf-8")
    for name in hookspecs.HOOK_NAMES:
        section = text.split(f"### {name}\n", 1)[1].split("\n### ", 1)[0]
        firstresult = getattr(hookspecs, name).eventx_spec["firstresult"]
        assert ("`firstresult`" in section) == firstresult, name


def test_every_hook_is_exercised_by_a_test() -> None:
    from eventx.plugins.hookspecs import HOOK_NAMES

    sources = [
        p.read_text("utf-8")
        for p in (*(ROOT / "tests").rglob("test_*.py"), *(ROOT / "docs").rglob("test_*.py"))
        if p.name != "test_docs.py"
    ]
    untested = [
        name for name in HOOK_NAMES if not any(re.search(rf"def {name}\(", s) for s in sources)
    ]
    assert untested == []


def render_includes(markdown: str) -> str:
    def replace(match: re.Match[str]) -> str:
        body = (ROOT / match.group("path")).read_text("utf-8")
        return match.group(1) + body + ("" if body.endswith("\n") else "\n") + "```"

    return INCLUDE_RE.sub(replace, markdown)


INCLUDING_DOCS = ["tutorial-plugin.md"]


@pytest.mark.parametrize("name", INCLUDING_DOCS)
def test_included_code_is_identical_to_the_tested_files(name: str) -> None:
    text = (DOCS / name).read_text("utf-8")
    includes = INCLUDE_RE.findall(text)
    assert includes, f"{name} includes no code"
    assert text == render_includes(text), (
        f"docs/{name} is out of date with the example: run `python tests/test_docs.py --sync`"
    )


def test_every_record_field_in_the_schema_is_documented() -> None:
    import eventx

    schema = eventx.record_schema()
    text = (DOCS / "record.md").read_text("utf-8")
    names = set(schema["properties"])
    for definition in schema["$defs"].values():
        names |= set(definition.get("properties", {}))
    missing = sorted(n for n in names if f"`{n}`" not in text)
    assert missing == []


def test_every_cli_option_is_documented() -> None:
    import click

    from eventx.cli import main

    text = (DOCS / "cli.md").read_text("utf-8")
    for name in ("extract", "demo", "plugins", "render", "export"):  # the commands this page documents
        command = main.commands[name]
        assert f"eventx {name}" in text
        for param in command.params:
            if isinstance(param, click.Option):
                assert any(f"`{opt}" in text for opt in param.opts), f"{name} {param.opts}"


def test_relative_links_in_docs_resolve() -> None:
    broken: list[str] = []
    for page in [ROOT / "README.md", *DOCS.glob("*.md")]:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text("utf-8")):
            if "://" in target:
                continue
            if not (page.parent / target).exists():
                broken.append(f"{page.relative_to(ROOT)} -> {target}")
    assert broken == []


def test_docs_index_lists_every_page() -> None:
    index = (DOCS / "README.md").read_text("utf-8")
    pages = [p.name for p in DOCS.glob("*.md") if p.name != "README.md"]
    # the bundled plugins' pages are named by their subject ("dates", "casualties"...)
    pages += [p.stem for p in (DOCS / "plugins").glob("*.md")]
    assert [p for p in pages if p not in index] == []


def _python_blocks(path: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", path.read_text("utf-8"), re.DOTALL)


def test_readme_library_examples_run() -> None:
    import types

    import eventx

    blocks = _python_blocks(ROOT / "README.md")
    assert len(blocks) == 3
    rows = [{"id": "a", "text": "Police said 3 people were killed.", "date": "2022-01-07"}]
    namespace: dict[str, object] = {"print": lambda *a, **k: None, "rows": rows, "eventx": eventx}
    exec(blocks[0], namespace)  # continues the first (pycon) example: eventx is imported there

    pytest.importorskip("pandas")
    records = [eventx.extract("Police said 3 people were killed.", language="en")]
    namespace = {"eventx": eventx, "records": records}
    exec(blocks[1], namespace)
    assert list(namespace["frame"]["count"]) == [3]  # type: ignore[index]

    plugin = types.ModuleType("readme_curfews")
    exec(blocks[2], plugin.__dict__)
    text = "Authorities declared a curfew in Almaty after the riots."
    record = eventx.Pipeline(plugins=[plugin], entry_points=False).extract(text)
    (curfew,) = record.extensions["curfews"]
    assert curfew.evidence.text == "curfew" and curfew.evidence.matches(text)


PYCON_RE = re.compile(r"```pycon\n(.*?)```", re.DOTALL)
PYCON_PAGES = [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]


def test_pycon_examples_exist_in_readme_and_docs() -> None:
    assert PYCON_RE.search((ROOT / "README.md").read_text("utf-8"))
    assert PYCON_RE.search((DOCS / "export.md").read_text("utf-8"))


@pytest.mark.parametrize(
    "page",
    [p for p in PYCON_PAGES if PYCON_RE.search(p.read_text("utf-8"))],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_pycon_examples_print_what_the_docs_show(page: Path) -> None:
    """Every ```pycon block runs as a doctest: the output shown is the output printed."""
    import doctest

    if "to_dataframe" in page.read_text("utf-8"):
        pytest.importorskip("pandas")
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    globs: dict[str, object] = {}
    report: list[str] = []
    for number, block in enumerate(PYCON_RE.findall(page.read_text("utf-8"))):
        test = parser.get_doctest(block, globs, f"{page.name}[{number}]", str(page), 0)
        runner.run(test, out=report.append)
        globs = test.globs  # the blocks of one page continue each other
    failures, tried = runner.summarize(verbose=False)
    assert tried > 0 and failures == 0, "".join(report)


def test_readme_demo_output_is_what_the_demo_prints(tmp_path: Path) -> None:
    import io

    from eventx.demo import run_demo, third_party_extractors

    text = (ROOT / "README.md").read_text("utf-8")
    shown = re.search(r"```text\n(eventx demo:.*?)```", text, re.DOTALL)
    assert shown is not None
    out = io.StringIO()
    run_demo(out=out, json_path=tmp_path / "eventx-demo" / "record.json",
             html_path=tmp_path / "eventx-demo" / "report.html")
    printed = out.getvalue().replace(str(tmp_path) + "/", "").splitlines()
    has_plugin = "weapons" in third_party_extractors()
    for line in shown.group(1).splitlines():
        if line == "..." or (not has_plugin and ("plugin" in line)):
            continue
        assert line in printed, f"README shows a demo line the demo does not print: {line}"


if __name__ == "__main__":
    if sys.argv[1:] == ["--sync"]:
        for doc in INCLUDING_DOCS:
            path = DOCS / doc
            path.write_text(render_includes(path.read_text("utf-8")), "utf-8")
            print(f"synced {path}")
