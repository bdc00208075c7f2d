"""Views of the plan for people: rich terminal output, and the JSON that mirrors it."""
