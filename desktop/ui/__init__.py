"""The Qt widgets: windows, views, dialogs and their item models.  Qt is imported only here
(and in desktop/app.py); everything below the UI is plain Python called through the services."""
