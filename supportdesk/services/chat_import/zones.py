"""Time zones for exports whose times carry none (a phone's wall clock)."""

from supportdesk.services.zones import UnknownZoneError, local_zone, zone_name, zone_named

__all__ = ["UnknownZoneError", "local_zone", "zone_name", "zone_named"]
