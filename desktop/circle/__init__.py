"""The circle: members' offers and needs, and the introductions the desk makes."""
