"""validate / convert / schema commands (placeholder until the formats module lands)."""
