"""Pages to the on-call person: by mail and ntfy push, acknowledged, escalated along the rota."""
