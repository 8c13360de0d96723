"""Qt item models: thin adapters over the core's frozen values (each tested with qtmodeltester)."""
