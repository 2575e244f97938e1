class MinutesImportError(Exception):
    """The only exception the importer raises; its message is written for a clerk, not a developer."""
