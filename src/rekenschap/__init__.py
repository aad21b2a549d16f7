"""Rekenschap: programme accountability for Dutch municipalities (BBV)."""

__version__ = "0.1.0"
