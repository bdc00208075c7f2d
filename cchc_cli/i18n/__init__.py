"""The words people read: Vietnamese labels of documents, kept in one place."""
