"""The Circle view: open needs and offers, suggested matches with their reasons, and the
introductions the desk makes and follows up (issue 6)."""
