import logging


class ExpectedRefusals(logging.Filter):
    """A 403 or 404 is the app working as designed: one line in the log, not a traceback."""

    def filter(self, record):
        if getattr(record, "status_code", None) in (403, 404, 405):
            record.exc_info = None
            record.exc_text = None
        return True
