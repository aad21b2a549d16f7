"""``python -m rekenschap`` runs the command line."""

from rekenschap.cli import main

main()
