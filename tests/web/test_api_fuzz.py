"""Property-based fuzzing of the JSON API from its own OpenAPI schema (schemathesis):
whatever a caller sends, within or outside the documented shapes, the API answers with a
coded 4xx, never a 500. Runs as an admin (every route reachable) over a copy of the demo
database; a bounded number of examples per operation keeps it quick."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings

from watchline.services.accounts import add_user, issue_token


def test_the_api_never_answers_500(demo_app) -> None:
    add_user(demo_app.state.db, "fuzz-admin", "admin")
    headers = {"Authorization": f"Bearer {issue_token(demo_app.state.db, 'fuzz-admin')}"}
    schema = schemathesis.openapi.from_dict(demo_app.openapi())
    schema.app = demo_app
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 10  # the walk sees the API, not an empty schema
    failures: list[str] = []
    seen: list[int] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=10, deadline=None, suppress_health_check=list(HealthCheck),
            derandomize=True, database=None,
        )  # fmt: skip
        def probe(case) -> None:
            response = case.call(headers=headers)
            seen.append(response.status_code)
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path}: {response.status_code}")
            else:
                assert response.status_code < 500

        probe()
    assert failures == []
    assert len(seen) >= len(operations) and any(code < 300 for code in seen)
