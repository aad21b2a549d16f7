"""The Rekenschap Django app: documents, programmes, revisions, workflow, comments, publications."""
