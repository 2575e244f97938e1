"""The app's settings, plus one view that serves fixed bytes without the database (bench_pages --throughput)."""

from scrutiny.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.floor_urls"
