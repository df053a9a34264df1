"""A short real program for the main job: run with and without each optimizer.

It mixes what optimizers meet in practice: integer and float loops, a
generator pipeline, string and dict work, exceptions and JSON. Its output is
deterministic, so runs under different optimizers can be compared byte for
byte.
"""

import json


def primes_below(limit: int) -> list[int]:
    """Sieve of Eratosthenes: a hot integer loop."""
    sieve = [True] * limit
    sieve[0] = sieve[1] = False
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            for multiple in range(i * i, limit, i):
                sieve[multiple] = False
    return [n for n, is_prime in enumerate(sieve) if is_prime]


def orbit(steps: int) -> tuple[float, float]:
    """A float loop: a body circling a mass, by explicit Euler steps."""
    x, y, vx, vy, dt = 1.0, 0.0, 0.0, 1.0, 0.001
    for _ in range(steps):
        r3 = (x * x + y * y) ** 1.5
        vx -= x / r3 * dt
        vy -= y / r3 * dt
        x += vx * dt
        y += vy * dt
    return round(x, 6), round(y, 6)


def words(text: str):
    """A generator pipeline."""
    for line in text.splitlines():
        for word in line.split():
            yield word.strip(".,;:").lower()


def word_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for word in words(text):
        counts[word] = counts.get(word, 0) + 1
    return counts


def parse_all(values: list[str]) -> tuple[int, int]:
    """Exceptions inside a loop."""
    good = bad = 0
    for value in values:
        try:
            good += int(value)
        except ValueError:
            bad += 1
    return good, bad


def main() -> None:
    primes = primes_below(200_000)
    print("primes:", len(primes), primes[-3:])
    print("orbit:", orbit(50_000))
    text = "The quick brown fox jumps over the lazy dog. The dog sleeps.\n" * 2000
    counts = word_counts(text)
    print("words:", sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
    print("parse:", parse_all([str(i) if i % 5 else f"x{i}" for i in range(20_000)]))
    record = {"primes": primes[:100], "counts": counts}
    print("json:", len(json.dumps(record, sort_keys=True)), json.loads(json.dumps(record)) == record)


if __name__ == "__main__":
    main()
