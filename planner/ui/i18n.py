"""The user interface's language: Chinese or English, following the system unless the user chose.

Every visible string goes through :func:`translate` (or a widget's ``tr``) so
that ``pyside6-lupdate`` finds it; the Chinese catalogue is
``assets/translations/planner_zh_CN.ts``, compiled to ``.qm`` by
``tools/update_translations.py``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from planner import assets

__all__ = [
    "LANGUAGE_SETTING",
    "LANGUAGE_CHOICES",
    "translate",
    "ui_language",
    "language_setting",
    "set_language_setting",
    "chosen_language",
    "translations_dir",
    "install_translators",
]

log = logging.getLogger(__name__)

LANGUAGE_SETTING = "ui/language"
#: Setting value -> what the language menu shows (each in its own language).
LANGUAGE_CHOICES = {"system": "", "zh": "中文", "en": "English"}

_installed: list[QTranslator] = []
#: The language whose catalogues are installed, and whether its own catalogue loaded.
_current: tuple[str, bool] | None = None


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate ``text`` in ``context`` into the installed language (the text itself when none is)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def ui_language(locale: QLocale | None = None) -> str:
    """``"zh"`` when the (system) locale is Chinese, else ``"en"``."""
    locale = locale if locale is not None else QLocale.system()
    return "zh" if locale.language() == QLocale.Language.Chinese else "en"


def language_setting(settings: QSettings | None = None) -> str:
    """The user's choice: ``system``, ``zh`` or ``en``."""
    value = str((settings or QSettings()).value(LANGUAGE_SETTING, "system"))
    return value if value in LANGUAGE_CHOICES else "system"


def set_language_setting(value: str, settings: QSettings | None = None) -> None:
    if value not in LANGUAGE_CHOICES:
        raise ValueError(f"unknown language {value!r}")
    (settings or QSettings()).setValue(LANGUAGE_SETTING, value)


def chosen_language(settings: QSettings | None = None, locale: QLocale | None = None) -> str:
    """The language to show: the setting, or the system's when the setting is ``system``."""
    value = language_setting(settings)
    return ui_language(locale) if value == "system" else value


def translations_dir() -> Path:
    """Where the compiled catalogues (``planner_zh_CN.qm``) are."""
    return assets.asset_path("translations")


def install_translators(language: str, app: QCoreApplication | None = None) -> bool:
    """Install the catalogues for ``language`` (``zh`` or ``en``) on the application, replacing earlier ones.

    Returns True when the program's own Chinese catalogue was loaded (always True for English).
    """
    global _current
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("no application")
    wanted = "zh" if language == "zh" else "en"
    if _current is not None and _current[0] == wanted and all(t.parent() is app for t in _installed):
        return _current[1]  # already installed: no language-change event for every widget
    _current = (wanted, _install(wanted, app))
    return _current[1]


def _load_catalogue(app: QCoreApplication, name: str) -> bool:
    """Install the program's catalogue ``name`` (from :func:`translations_dir`) when it loads."""
    translator = QTranslator(app)
    try:
        loaded = translator.load(name, str(translations_dir()))
    except FileNotFoundError:
        loaded = False
    if loaded:
        app.installTranslator(translator)
        _installed.append(translator)
    return loaded


def _install(language: str, app: QCoreApplication) -> bool:
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != "zh":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        _load_catalogue(app, "planner_en")  # the singular and plural forms of "%n ..." messages
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ok = _load_catalogue(app, "planner_zh_CN")
    if not ok:
        log.warning("the Chinese translation is missing from %s", translations_dir())
    qt = QTranslator(app)
    if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return ok
