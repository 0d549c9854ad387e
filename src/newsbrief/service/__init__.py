"""newsbrief as a service: a REST API and a web page over the pure core.

``create_app(settings)`` (in :mod:`newsbrief.service.app`) builds the FastAPI app;
``newsbrief serve`` runs it under uvicorn. FastAPI, uvicorn and python-multipart are imported
only by those modules, never by ``import newsbrief`` or ``newsbrief --help``; install them with
``pip install 'newsbrief[service]'``.
"""

from __future__ import annotations

from newsbrief.service.limits import ServiceSettings

__all__ = ["ServiceSettings"]
