"""GUI tests run offscreen unless the environment says otherwise; each test gets its own settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory: pytest.TempPathFactory, qapp) -> Path:  # type: ignore[no-untyped-def]
    """QSettings of this test only (recent files, layers, language never leak between tests)."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    qapp.setOrganizationName("venue-planner-tests")
    qapp.setApplicationName("venue-planner")
    QSettings().clear()
    return folder


@pytest.fixture(autouse=True)
def clean_clipboard(qapp):  # type: ignore[no-untyped-def]
    """Leave no copied items behind: the app clears them on quit, which a test session never reaches."""
    yield
    from planner.ui.app import release_clipboard

    release_clipboard()


@pytest.fixture(autouse=True)
def english_catalogue(qapp):  # type: ignore[no-untyped-def]
    """The English catalogue (singular and plural forms of counted messages), as the editor loads at start;
    a test that switches the language leaves English behind."""
    from planner.ui.i18n import install_translators

    install_translators("en", qapp)
    yield
    install_translators("en", qapp)
