"""Door mode: check people in at an event's door with a scanner or a few typed keys."""

from desktop.ui.door.window import DoorModeWindow, open_door_mode

__all__ = ["DoorModeWindow", "open_door_mode"]
