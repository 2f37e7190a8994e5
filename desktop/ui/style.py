"""The app's calm look: Fusion with a light palette, a tea-green accent, and a short stylesheet.

Widgets opt in through a ``role`` property ("title", "subtitle", "hint", "error", "success")
or ``primary`` on the one button that finishes a form, so the look stays in this one file.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

ACCENT = "#2f6b5a"
ACCENT_DARK = "#24574a"
TEXT = "#1f2b28"
MUTED = "#5f6b67"
ERROR = "#b3261e"
SUCCESS = "#2e7d32"
SIDEBAR = "#eef2f0"
BORDER = "#d5dcd9"
WINDOW = "#f7f8f7"


def palette() -> QPalette:
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Window, QColor(WINDOW))
    pal.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    pal.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#f3f6f4"))
    pal.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    pal.setColor(QPalette.ColorRole.Button, QColor("#f2f4f3"))
    pal.setColor(QPalette.ColorRole.ButtonText, QColor(TEXT))
    pal.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.ToolTipText, QColor(TEXT))
    pal.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8a9591"))
    pal.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    return pal


STYLESHEET = f"""
QMainWindow, QDialog {{ background: {WINDOW}; }}
QWidget#viewPage {{ background: {WINDOW}; }}
QWidget#sidebar {{ background: {SIDEBAR}; border-right: 1px solid {BORDER}; }}
QLabel#sidebarVenue {{ font-size: 12pt; font-weight: 600; color: {TEXT}; }}
QLabel#sidebarApp {{ color: {MUTED}; }}
QListWidget#navigation {{
    background: transparent; border: none; outline: 0; font-size: 11pt;
}}
QListWidget#navigation::item {{
    padding: 9px 10px; margin: 1px 0; border-radius: 6px; color: {TEXT};
}}
QListWidget#navigation::item:selected {{ background: {ACCENT}; color: #ffffff; }}
QListWidget#navigation::item:hover:!selected {{ background: #e0e8e4; }}
QLabel[role="title"] {{ font-size: 17pt; font-weight: 600; color: {TEXT}; }}
QLabel[role="subtitle"] {{ color: {MUTED}; font-size: 10pt; }}
QLabel[role="hint"] {{ color: {MUTED}; }}
QLabel[role="error"] {{ color: {ERROR}; }}
QLabel[role="success"] {{ color: {SUCCESS}; }}
QLabel[role="badge"] {{
    background: #d9a441; color: #ffffff; border-radius: 4px; padding: 1px 6px; font-weight: 600;
}}
QPushButton {{ padding: 5px 14px; }}
QPushButton[primary="true"] {{
    background: {ACCENT}; color: #ffffff; border: 1px solid {ACCENT_DARK}; border-radius: 4px;
    padding: 6px 16px; font-weight: 600;
}}
QPushButton[primary="true"]:hover {{ background: {ACCENT_DARK}; }}
QPushButton[primary="true"]:disabled {{ background: #9fb8b0; border-color: #9fb8b0; }}
QGroupBox {{
    font-weight: 600; border: 1px solid {BORDER}; border-radius: 6px; margin-top: 14px;
    padding: 14px 10px 10px 10px; background: #ffffff;
}}
QGroupBox::title {{ subcontrol-origin: margin; left: 12px; padding: 0 4px; color: {TEXT}; }}
QTabWidget::pane {{ border: 1px solid {BORDER}; border-radius: 6px; top: -1px;
    background: #ffffff; }}
QTabBar::tab {{ padding: 7px 16px; }}
QTabWidget > QStackedWidget > QWidget {{ background: #ffffff; }}
QScrollArea#venueScroll, QWidget#venueBody {{ background: #ffffff; }}
QTableView {{ background: #ffffff; gridline-color: #e6ebe8; border: 1px solid {BORDER};
    selection-background-color: #cfe3db; selection-color: {TEXT}; }}
QHeaderView::section {{ background: #f0f3f1; padding: 5px 6px; border: none;
    border-bottom: 1px solid {BORDER}; border-right: 1px solid #e6ebe8; font-weight: 600; }}
QStatusBar {{ background: {SIDEBAR}; border-top: 1px solid {BORDER}; color: {MUTED}; }}
QStatusBar QLabel {{ color: {MUTED}; padding: 0 8px; }}
QFrame#messageBar[kind="error"] {{ background: #fbeae8; border: 1px solid #efc2bd;
    border-radius: 4px; }}
QFrame#messageBar[kind="info"] {{ background: #e8f2ee; border: 1px solid #c4dcd2;
    border-radius: 4px; }}
QFrame#messageBar[kind="success"] {{ background: #e8f3e9; border: 1px solid #bfdcc2;
    border-radius: 4px; }}
QLineEdit[invalid="true"], QComboBox[invalid="true"], QSpinBox[invalid="true"] {{
    border: 1px solid {ERROR}; border-radius: 3px; padding: 3px;
}}
QWidget#lockScreen {{ background: #263a34; }}
QWidget#lockCard {{ background: #ffffff; border-radius: 10px; }}
QFrame#choiceCard {{ background: #ffffff; border: 1px solid {BORDER}; border-radius: 8px; }}
"""
