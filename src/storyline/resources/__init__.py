"""Package data only: actor catalogue, event patterns, boilerplate and time cues."""
