"""The parts of the plugin that live across the rebuilds of `mkdocs serve`: the theme's compiled
templates (``generator.mkdocs_templates``) and what each generated file held last time
(``generator.mkdocs_files``)."""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.config import load_config

from generator.mkdocs_files import ChangeTracker
from generator.mkdocs_plugin import DossierPlugin
from generator.mkdocs_templates import KeptBytecode, KeptListing


def _environment(folder: Path, cache: KeptBytecode | None) -> jinja2.Environment:
    """A theme's environment as MkDocs makes it for each build: new, from the same folder."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(folder), bytecode_cache=cache)


def test_each_build_s_environment_uses_the_templates_compiled_before(tmp_path, monkeypatch):
    (tmp_path / "main.html").write_text("<p>{{ page }}</p>{% include 'part.html' %}")
    (tmp_path / "part.html").write_text("<footer>{{ page|upper }}</footer>")
    compiled: list[str] = []
    compile_ = jinja2.Environment.compile

    def counted(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return compile_(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    plugin = DossierPlugin()
    first = plugin.on_env(_environment(tmp_path, None), config=None, files=None)
    assert first.bytecode_cache is plugin.bytecode
    assert first.get_template("main.html").render(page="a") == "<p>a</p><footer>A</footer>"
    assert sorted(compiled) == ["main.html", "part.html"]
    compiled.clear()
    second = plugin.on_env(_environment(tmp_path, None), config=None, files=None)
    assert second.get_template("main.html").render(page="b") == "<p>b</p><footer>B</footer>"
    assert compiled == []  # the next build's environment compiled nothing
    # an edited template is compiled again (Jinja2 checks the source's digest)
    (tmp_path / "part.html").write_text("<footer>{{ page }}!</footer>")
    third = plugin.on_env(_environment(tmp_path, None), config=None, files=None)
    assert third.get_template("main.html").render(page="c") == "<p>c</p><footer>c!</footer>"
    assert compiled == ["part.html"]


def test_an_environment_with_its_own_cache_keeps_it(tmp_path):
    own = KeptBytecode()
    env = DossierPlugin().on_env(_environment(tmp_path, own), config=None, files=None)
    assert env.bytecode_cache is own


def test_a_generated_file_is_modified_only_when_its_content_changed(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins._current_plugin = "dossier"  # as MkDocs sets it while running on_files
    tracker = ChangeTracker()
    assert tracker.make(config, "a.md", "# A\n").is_modified()  # new
    assert tracker.make(config, "b.zip", b"PK\x03").is_modified()
    assert not tracker.make(config, "a.md", "".join(["# ", "A\n"])).is_modified()  # equal text
    assert not tracker.make(config, "b.zip", b"PK\x03").is_modified()
    assert tracker.make(config, "a.md", "# A!\n").is_modified()
    assert tracker.make(config, "b.zip", "PK\x03").is_modified()  # text where bytes were
    tracker.forget_missing({"b.zip"})
    assert tracker.make(config, "a.md", "# A!\n").is_modified()  # forgotten: new again


def test_the_same_content_object_gets_the_last_build_s_file_as_mkdocs_makes_it(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins._current_plugin = "dossier"
    tracker = ChangeTracker()
    text = "# A\n"
    first = tracker.make(config, "a.md", text)
    first.page = object()  # what a build leaves on it
    again = tracker.make(config, "a.md", text)
    assert again is first and not again.is_modified()
    assert again.page is None and again.inclusion.name == "UNDEFINED"  # this build's to set
    equal = "".join(["# ", "A\n"])  # equal, but another object: a new file, unchanged
    made = tracker.make(config, "a.md", equal)
    assert made is not first and not made.is_modified()
    config.use_directory_urls = not config.use_directory_urls  # other URLs: files made anew
    other = tracker.make(config, "a.md", equal)
    assert other is not made and other.use_directory_urls == config.use_directory_urls


def _theme(folder: Path) -> None:
    (folder / "main.html").parent.mkdir(parents=True, exist_ok=True)
    (folder / "main.html").write_text("<p>{{ page }}</p>")
    (folder / "assets").mkdir(exist_ok=True)
    (folder / "assets" / "theme.css").write_text("p {}")


def _static(name: str) -> bool:
    return not name.endswith(".html")


def test_an_installed_theme_s_files_are_listed_once_for_the_rebuilds(tmp_path, monkeypatch):
    """A theme outside the project is listed once (``KeptListing``), as MkDocs lists it with its
    filter; a folder inside the project (``custom_dir``) is listed again every build."""
    installed, project = tmp_path / "site-packages" / "theme", tmp_path / "project"
    custom = project / "overrides"
    for folder in (installed, custom):
        _theme(folder)
    walked: list[str] = []
    listing = jinja2.FileSystemLoader.list_templates

    def counted(self):
        walked.append(self.searchpath[0])
        return listing(self)

    monkeypatch.setattr(jinja2.FileSystemLoader, "list_templates", counted)
    kept = KeptListing()
    for _ in range(3):
        env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(installed)]))
        kept.attach(env, [str(installed)], project, ("404.html",))
        assert env.list_templates(filter_func=_static) == ["assets/theme.css"]
        assert env.list_templates() == ["assets/theme.css", "main.html"]  # another filter
    assert walked == [str(installed)] * 2  # once for each filter
    walked.clear()
    for _ in range(2):
        env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(custom), str(installed)]))
        kept.attach(env, [str(custom), str(installed)], project, ("404.html",))
        assert env.list_templates(filter_func=_static) == ["assets/theme.css"]
    assert walked == [str(custom)] * 2
