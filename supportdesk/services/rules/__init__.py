"""Rules that triage every incoming message: ordered "when … then …", deterministic."""
