"""catalogue layer."""
