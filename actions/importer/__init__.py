"""Minutes importer: turn a council committee's minutes into structured data.

Plain Python with no Django imports, so it can be tested and fuzzed on its own and
called from the ``import_minutes`` management command.
"""

from .errors import MinutesImportError
from .parser import parse_minutes
from .readers import read_minutes_file

__all__ = ["MinutesImportError", "parse_minutes", "read_minutes_file"]
