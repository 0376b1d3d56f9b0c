"""The main window, split along its seams; ``supportdesk.ui.mainwindow`` puts it together."""
