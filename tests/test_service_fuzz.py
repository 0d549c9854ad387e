"""Property-based fuzzing of the API from its own OpenAPI schema (schemathesis): requests that fit
the schema and requests that break it, JSON and multipart alike. None may get a 5xx; every answer
must be a status the schema documents, with the documented body and content type; invalid data
must be refused. Bounded (hypothesis examples per operation) to keep CI short."""

from __future__ import annotations

import warnings

import pytest

pytest.importorskip("fastapi", reason="the service extra is not installed")
schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis import checks  # noqa: E402

from newsbrief.service.app import create_app  # noqa: E402
from newsbrief.service.limits import ServiceSettings  # noqa: E402

with warnings.catch_warnings():  # newer Starlette warns that its test client wants httpx2
    warnings.filterwarnings("ignore", message=".*httpx2")
    # Small limits, so that generated requests also run into them (and a 5xx cannot hide there).
    APP = create_app(ServiceSettings(max_body_bytes=200_000, max_articles=8, timeout_seconds=30))
    schema = schemathesis.openapi.from_asgi("/openapi.json", APP)

CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.negative_data_rejection,
]


@schema.parametrize()
@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_never_fails_on_any_input(case) -> None:
    checks_here = CHECKS
    if _unsendable_form_value(case):
        # A list for a single form field (e.g. words=[]) goes on the wire as no field at all:
        # the server sees a valid request, so "refuse invalid data" cannot apply here.
        checks_here = [c for c in CHECKS if c is not checks.negative_data_rejection]
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*httpx2")
        case.call_and_validate(checks=checks_here)


def _unsendable_form_value(case) -> bool:
    body = case.body
    return (
        case.media_type == "multipart/form-data"
        and isinstance(body, dict)
        and any(isinstance(body.get(field), list | dict) for field in ("words",))
    )
