import pytest


@pytest.fixture(autouse=True)
def no_content_security_policy_violations(page):
    """Every journey runs under the strict CSP; the browser reports any violation on its console."""
    violations = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    yield
    assert not violations, violations
