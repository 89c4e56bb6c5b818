"""Input fields that never change a value by surprise.

* :class:`NumberField` lets the user type anything and refuses what is not a number in its range
  with a message (:attr:`NumberField.refused`) instead of clamping it or dropping keystrokes;
  the arrows and the keyboard step inside the range as usual.
* :func:`guard_wheel` makes a spin box or combo box ignore the mouse wheel unless it has the
  keyboard focus, so the wheel scrolls the panel under the pointer instead of editing a camera.
* :class:`FieldMessage` is the red line under a field that says why an input was refused.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QDoubleSpinBox, QLabel, QWidget

from planner.ui.i18n import translate

__all__ = ["NumberField", "FieldMessage", "guard_wheel", "parse_number"]


def parse_number(text: str, locale: QLocale | None = None) -> float | None:
    """The number in ``text`` (the locale's or the C decimal point), or None.

    >>> parse_number(" 2.5 "), parse_number("abc"), parse_number("-5")
    (2.5, None, -5.0)
    """
    text = text.strip()
    if not text:
        return None
    value, ok = (locale or QLocale()).toDouble(text)
    if ok:
        return float(value)
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


class _WheelGuard(QObject):
    """Passes wheel events over an unfocused field on to its parent (the scroll area scrolls)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()
            return True  # filtered but not accepted: QApplication hands it to the parent
        return False


_GUARD: _WheelGuard | None = None


def guard_wheel(widget: QAbstractSpinBox | QComboBox) -> None:
    """Make ``widget`` ignore the wheel unless it has the focus (and not take the focus by the wheel)."""
    global _GUARD
    if _GUARD is None:
        _GUARD = _WheelGuard()
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(_GUARD)


class NumberField(QDoubleSpinBox):
    """A spin box for one number of the model, which refuses (and says so) what it cannot take.

    ``refused`` carries the message when the typed text is not a number or lies outside
    ``[minimum, maximum]``; the field then shows the value it had. Wheel steps need the focus.
    """

    refused = QtSignal(str)

    def __init__(self, low: float, high: float, decimals: int = 2, suffix: str = "", step: float = 0.1, *,
                 wrapping: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(low, high)
        self.setDecimals(decimals)
        self.setSingleStep(step)
        self.setSuffix(suffix)
        self.setWrapping(wrapping)
        self.setKeyboardTracking(False)
        self.setAccelerated(True)
        guard_wheel(self)

    # Anything may be typed; what cannot be taken is refused on commit, never clamped or dropped.
    def validate(self, text: str, pos: int) -> Any:
        result = super().validate(text, pos)
        state = result[0] if isinstance(result, tuple) else result
        if state == QValidator.State.Invalid:
            return (QValidator.State.Intermediate, text, pos)
        return result

    def problem(self) -> str | None:
        """Why the text now in the field cannot be taken (None: it can)."""
        text = self.cleanText()
        if self.specialValueText() and self.text().strip() == self.specialValueText():
            return None
        value = parse_number(text, self.locale())
        lo, hi = self.minimum(), self.maximum()
        unit = self.suffix().strip()
        if value is None:
            return translate("Inputs", "“{0}” is not a number; enter {1} to {2}{3}. The value was not changed.") \
                .replace("{0}", text).replace("{1}", f"{lo:g}").replace("{2}", f"{hi:g}").replace("{3}", unit)
        if value < lo or value > hi:
            return translate("Inputs", "{0}{3} is out of range; enter {1} to {2}{3}. The value was not changed.") \
                .replace("{0}", f"{value:g}").replace("{1}", f"{lo:g}").replace("{2}", f"{hi:g}").replace("{3}", unit)
        return None

    def commit(self) -> bool:
        """Take the typed text now (as Return does); False when it was refused."""
        message = self.problem()
        if message is not None:
            self.refused.emit(message)
            self.setValue(self.value())  # show the value it had
            self.lineEdit().setText(self.textFromValue(self.value()) if not self.suffix() else
                                    self.prefix() + self.textFromValue(self.value()) + self.suffix())
            return False
        self.interpretText()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.problem() is not None:
            self.commit()
            self.selectAll()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: Any) -> None:
        if self.problem() is not None:
            self.commit()
        super().focusOutEvent(event)


class FieldMessage(QLabel):
    """A red line under a field saying why an input was refused; hidden until there is something to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #b71c1c")
        self.setObjectName("field_message")
        self.setVisible(False)

    def say(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))

    def clear_message(self) -> None:
        self.setText("")
        self.setVisible(False)
