import pytest


@pytest.fixture(autouse=True)
def no_content_security_policy_violations(page):
    """Every journey runs under the strict CSP; the browser reports any violation on its console."""
    violations = []

    def watch(message):
        if "Content Security Policy" in message.text:
            violations.append(f"{message.text} (at {message.location}, page {page.url})")

    page.on("console", watch)
    yield
    assert not violations, violations
