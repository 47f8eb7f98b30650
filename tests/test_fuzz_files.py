"""Fuzzing the input side: any file, however odd or hostile, is read into clean
articles or skipped with a reason; no reader bug, no control character out, no
hang. The long run of the same fuzzer is benchmarks/fuzz.py."""

from __future__ import annotations

from fuzz_inputs import faults, input_file, read_one
from hypothesis import HealthCheck, given, settings

# Generous: a hang or a blow-up is minutes; a slow machine under load is seconds.
SECONDS_PER_FILE = 10.0


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(input_file)
def test_any_file_is_read_or_skipped_with_a_reason(tmp_path_factory, named_bytes) -> None:
    name, data = named_bytes
    path = tmp_path_factory.mktemp("fuzz") / name
    path.write_bytes(data)
    outcome = read_one(str(path))
    assert faults(outcome) == []
    assert outcome.seconds < SECONDS_PER_FILE
