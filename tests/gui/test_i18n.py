"""The Chinese interface: a complete catalogue, compiled, loaded when chosen; the language setting."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings

from planner.ui.i18n import chosen_language, install_translators, set_language_setting, translations_dir, ui_language
from tests.gui.helpers import make_editor
from tests.venues import corridor_and_restroom

pytestmark = pytest.mark.gui

TS = translations_dir() / "planner_zh_CN.ts"


def _messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [(ctx.findtext("name") or "", m.findtext("source") or "", m) for ctx in root.iter("context")
            for m in ctx.iter("message")]


def test_catalogue_is_complete_and_keeps_placeholders() -> None:
    messages = _messages()
    assert len(messages) > 300
    for context, source, message in messages:
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, (context, source)
        forms = [form.text or "" for form in translation.iter("numerusform")]
        text = " ".join(forms) if forms else (translation.text or "")
        assert text.strip() and all(f.strip() for f in forms), (context, source)
        assert ("%n" in source) <= all("%n" in f for f in forms or [text]), source
        assert sorted(re.findall(r"\{[a-z0-9]+\}", source)) == sorted(re.findall(r"\{[a-z0-9]+\}", text)), source
        mnemonic = re.compile(r"&[^&\s]")
        assert bool(mnemonic.search(source.replace("&&", ""))) <= bool(mnemonic.search(text)), (source, text)


def test_counted_messages_have_english_singular_and_plural(qapp) -> None:
    from planner.ui.i18n import install_translators, translate

    install_translators("en", qapp)
    assert translate("EditOps", "Delete %n items", None, 1) == "Delete 1 item"
    assert translate("EditOps", "Delete %n items", None, 3) == "Delete 3 items"
    install_translators("zh", qapp)
    try:
        assert translate("EditOps", "Delete %n items", None, 3) == "删除 3 项"
    finally:
        install_translators("en", qapp)


def _literals(path: Path) -> set[str]:
    """Texts given to translate("Context", "...") and self.tr("...") in a module."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        index = {"translate": 1, "tr": 0}.get(name)
        if index is None or len(node.args) <= index:
            continue
        arg = node.args[index]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            found.add(arg.value)
    return found


def test_every_interface_string_is_in_the_catalogue() -> None:
    """Each literal passed to translate() / self.tr() in planner/ui is a source text of the catalogue."""
    sources = {source for _, source, _ in _messages()}
    root = Path(__file__).resolve().parents[2] / "planner" / "ui"
    found = set().union(*(_literals(path) for path in root.rglob("*.py") if path.name != "i18n.py"))
    assert len(found) > 300 and found <= sources, sorted(found - sources)[:10]


def test_compiled_catalogue_is_current() -> None:
    qm = TS.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_size > 10_000
    assert qm.stat().st_mtime >= TS.stat().st_mtime - 1  # rebuilt after the last edit (tools/update_translations.py)


@pytest.fixture
def chinese(qapp):
    assert install_translators("zh", qapp)
    yield
    install_translators("en", qapp)


def test_chinese_window(qtbot, tmp_path: Path, chinese) -> None:
    assert QCoreApplication.translate("Actions", "&File") == "文件(&F)"
    window, _ = make_editor(qtbot, tmp_path, corridor_and_restroom(fr=True), language="zh")
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:3] == ["文件(&F)", "编辑(&E)", "视图(&V)"]
    assert window.properties.windowTitle() == "属性" and window.findings.windowTitle().startswith("检查结果")
    window.compliance.refresh()
    row = window.findings.row_of(0)
    assert row is not None and row.text(0) in ("错误", "警告", "提示")
    assert row.text(4) == window.findings.message(window.findings.findings[0]) and "摄像机" in row.text(4)
    window.scene.select_ids(["wc"])
    uses = window.properties.page("zone").findChild(type(window.tools_panel.use), "use")
    assert uses.currentText() == "卫生间（私密）"
    assert window.update_title() is None and window.windowTitle().endswith("Venue Planner")


def test_language_follows_the_system_unless_set() -> None:
    settings = QSettings()
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert ui_language(chinese) == "zh" and ui_language(english) == "en"
    assert chosen_language(settings, chinese) == "zh"
    set_language_setting("en", settings)
    assert chosen_language(settings, chinese) == "en"
    set_language_setting("system", settings)
    assert chosen_language(settings, english) == "en"
    with pytest.raises(ValueError):
        set_language_setting("fr", settings)


def test_language_menu_stores_the_choice(qtbot, tmp_path: Path) -> None:
    window, dialogs = make_editor(qtbot, tmp_path)
    window.acts.languages["zh"].trigger()
    assert QSettings().value("ui/language") == "zh" and not dialogs.infos  # no restart needed: it applies now
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    window.acts.languages["en"].trigger()
    assert QSettings().value("ui/language") == "en" and window.menuBar().actions()[0].text() == "&File"
    window.acts.languages["system"].trigger()
    assert QSettings().value("ui/language") == "system"


def test_application_has_icon_and_desktop_id(qapp) -> None:  # type: ignore[no-untyped-def]
    from planner.ui.app import DESKTOP_ID, app_icon, application

    app = application()
    assert app.desktopFileName() == DESKTOP_ID
    icon = app_icon()
    assert not icon.isNull() and len(icon.availableSizes()) >= 5
    from pathlib import Path

    assert (Path(__file__).parents[2] / "packaging" / "linux" / f"{DESKTOP_ID}.desktop").is_file()
