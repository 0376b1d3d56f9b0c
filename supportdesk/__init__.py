"""SupportDesk: an offline-first support console for small teams."""

__version__ = "0.1.0"
