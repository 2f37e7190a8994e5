"""Settings → Spaces: the spaces' table models, the space editor and the closure dialog.

The tab itself is ``desktop/ui/spaces_tab.py``; every rule stays in
``desktop/booking/spaces.py`` and reaches these widgets as a ``DomainError`` naming its field.
"""
