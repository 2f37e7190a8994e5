"""The QApplication's look and language: names, icon, the shipped CJK font, style, translators.

Shared by the app (desktop/app.py), the screenshot renderer and the tests, so that all three
draw the same thing.  Switching the language removes the previous translators first, which
lets one process render English and Chinese one after the other.
"""

from __future__ import annotations

import logging
import sys
from functools import cache

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QStyleFactory

from desktop import i18n
from desktop.paths import APP_NAME, resource_path
from desktop.ui.style import STYLESHEET, palette

log = logging.getLogger(__name__)

FONT_FILE = "wqy-microhei.ttc"
FALLBACK_FAMILY = "WenQuanYi Micro Hei"
FONT_POINT_SIZE = 10

_PREPARED = "clubhousePrepared"
_translators: list[QTranslator] = []
_language = "en"


def ensure_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, created if needed, with our names, font, style and icon."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    prepare_application(app)
    return app


def prepare_application(app: QApplication) -> None:
    """Names, icon, font, style: idempotent, so tests may call it on pytest-qt's qapp."""
    if app.property(_PREPARED):
        return
    app.setProperty(_PREPARED, True)
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app.setWindowIcon(app_icon())
    family = register_font()
    font = QFont(family)
    font.setPointSize(FONT_POINT_SIZE)
    app.setFont(font)
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None and app.style().name().lower() != "fusion":
        app.setStyle(fusion)
    app.setPalette(palette())
    app.setStyleSheet(STYLESHEET)


@cache
def register_font() -> str:
    """Register the shipped WenQuanYi Micro Hei so Chinese never depends on system fonts."""
    path = resource_path("fonts", FONT_FILE)
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.warning("could not load the shipped font %s", path)
        return FALLBACK_FAMILY
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else FALLBACK_FAMILY


def icon(name: str) -> QIcon:
    """An icon from resources/icons (SVG)."""
    return QIcon(str(resource_path("icons", f"{name}.svg")))


def app_icon() -> QIcon:
    """The lodge-and-teacup mark: the SVG, with a PNG for where SVG cannot be drawn."""
    mark = icon("clubhouse")
    mark.addFile(str(resource_path("icons", "clubhouse.png")))
    return mark


def current_language() -> str:
    return _language


def set_ui_language(lang: str) -> None:
    """Install the translators for ``lang`` (ours and Qt's own) and the messages' language.

    Widgets built afterwards speak ``lang``; widgets already built keep their text, which is
    why a language change in Settings applies on the next start.
    """
    global _language
    if lang not in i18n.SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    app = QCoreApplication.instance()
    for translator in _translators:
        if app is not None:
            QCoreApplication.removeTranslator(translator)
    _translators.clear()
    i18n.set_language(lang)
    _language = lang
    QLocale.setDefault(QLocale("zh_CN" if lang == "zh_CN" else "en_US"))
    if lang == "en" or app is None:
        return
    ours = QTranslator()
    if ours.load(str(resource_path("translations", f"clubhouse_{lang}.qm"))):
        _translators.append(ours)
    else:
        log.warning("no compiled translation for %s", lang)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator()
    if qtbase.load(f"qtbase_{lang}", qt_folder):
        _translators.append(qtbase)
    for translator in _translators:
        QCoreApplication.installTranslator(translator)
