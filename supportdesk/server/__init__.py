"""SupportDesk."""
