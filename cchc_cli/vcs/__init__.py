"""The plan in git: the repository around a plan, revisions, the revision stamp,
the semantic diff of two revisions and the history of one item."""
