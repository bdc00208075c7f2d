"""Progress on tasks: reading a task's record and appending dated updates to it."""
