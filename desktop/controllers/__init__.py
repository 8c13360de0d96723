"""Controllers own the app's work (loading, analysis, export); widgets only show it."""
