"""Result types: what the measuring use cases return and the renderers format.

Plain dataclasses, imported by both sides: ``cchc_cli.measure`` builds them,
``cchc_cli.render`` formats them (and JSON is made from their fields), so a renderer
never imports the code that loads or measures.
"""
