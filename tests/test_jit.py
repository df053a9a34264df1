"""The jit sample optimizer (optimizers/jit): loops compiled to C with unboxed floats.

Every program runs in the patched interpreter without an optimizer and with
plugopt.jit (threshold 1, the invariant checker on), and must print the same
thing; jit's statistics must show that loops were compiled and iterations ran
in compiled code, so a jit that declines everything cannot pass. The cache
tests check the private folder, the hash check and the fallbacks.
"""

from __future__ import annotations

import json
import os
import stat
import textwrap
import time
from pathlib import Path

import pytest

from helpers import output, run

STATS_MARKER = "JIT-STATS "

# Runs the program as __main__ with jit registered, then reports what jit did.
RUNNER = (
    "import json, runpy, sys\n"
    "import plugopt.jit as jit\n"
    "try:\n"
    "    runpy.run_path(sys.argv[1], run_name='__main__')\n"
    "finally:\n"
    f"    sys.stderr.write({STATS_MARKER!r} + json.dumps(jit.stats()) + '\\n')\n"
)

OBJECT_LOOPS = """
        class V:
            def __init__(self, x):
                self.x = x

            def comb(self, other, a, b):
                if self.x > 1e6:
                    raise OverflowError(self.x)
                return V(self.x * a + other.x * b)


        class Noisy(V):
            def __del__(self):
                print("dropped", self.x)


        def g(x):
            if x > 3:
                return x - 1
            return x + 1


        def combine(n, d):
            total = 0
            for k in range(n):
                idx = k % 7
                d[idx] = d[idx].comb(d[idx + 1], 0.5, 0.25)
                total += g(idx) * 2 + idx
            return total


        def first_hit(pairs, eps):
            best = None
            for p in pairs:
                t = p[1]
                if t is not None and t > -eps:
                    if best is None or t < best[1]:
                        best = p
            return best


        def scaled(xs, k):
            return [(x, x * k, -x) for x in xs]


        def collect(xs):
            out = []
            for x in xs:
                out.append((x, g(x)))
            return out


        def index_of(xs, k):
            for i, x in enumerate(xs):
                if x == k:
                    return i       # out of the loop: the interpreter returns
            return -1


        def main():   # a function: the module's globals stay as they are
            for r in range(40):
                d = [V(float(i)) for i in range(8)]
                if r == 39:
                    d[3] = Noisy(-1.0)
                total = combine(300, d)
                pairs = [(i, None if i % 5 == 0 else (i * 7919 % 101) - 3.5)
                         for i in range(200)]
                hit = first_hit(pairs, 0.5)
                rows = scaled(list(range(50)), 1.5)
                got = collect(list(range(60)))
                where = index_of(list(range(100)), 77), index_of([1, 2], 5)
            print(total, [round(v.x, 6) for v in d], hit, rows[-1], got[-3:], where)
            d = [V(float(i)) for i in range(8)]
            d[5].x = 1e7
            try:
                combine(300, d)
            except OverflowError as e:
                print("OverflowError", e, [round(v.x, 3) for v in d])


        main()
"""


# Loops whose instructions the specializer left generic, made through the C API:
# attributes of owners of several types (a property, __getattr__ raising, a class
# attribute, a setter that raises), dict subscripts and stores (__missing__, a
# __setitem__ that raises), `in` (a __contains__ that raises), comparisons of
# strs and objects (an __eq__ returning a non-bool), the truth of objects (a
# __bool__ that raises), `not`, shifts (a negative count, a result beyond the
# unboxed range), `~`, lists built, `+` of lists.
GENERIC_LOOPS = """
        import traceback

        class Slots:
            __slots__ = ("x",)
            def __init__(self, x):
                self.x = x
        class Plain:
            def __init__(self, x):
                self.y = 0
                self.x = x
        class Computed:
            @property
            def x(self):
                return 5
        class Dynamic:
            kind = "dynamic"
            def __getattr__(self, name):
                if name == "x":
                    return 9
                raise KeyError(name)
        class Guarded:
            def __init__(self):
                self._x = 0
            @property
            def x(self):
                return self._x
            @x.setter
            def x(self, value):
                if value > 3:
                    raise ValueError("too big")
                self._x = value
        class Defaulting(dict):
            def __missing__(self, key):
                return -1
        class Picky(dict):
            def __setitem__(self, key, value):
                if key == "stop":
                    raise LookupError("no stop")
                dict.__setitem__(self, key, value)
        class Fussy:
            def __contains__(self, item):
                if item == 13:
                    raise RuntimeError("unlucky")
                return item % 2 == 0
        class Vague:
            def __eq__(self, other):
                return [1] if other == 1 else []
            def __bool__(self):
                raise TypeError("no truth")

        def attributes(owners):
            total = 0
            for o in owners:
                total += o.x
            return total

        def store_all(owners, value):
            for o in owners:
                o.x = value
            return value

        def lookups(keys, table):
            out = {}
            for k in keys:
                out[k] = table[k] + 1
            return sorted(out.items())[:4]

        def fill(target, keys):
            for k in keys:
                target[k] = len(k)
            return sorted(target.items())

        def words(items):
            n = 0
            for w in items:
                if w == "b":
                    n += 1
                elif w != "c" and w in ("d", "e"):
                    n += 2
                if not w:
                    n += 100
                if w:
                    n += 1000
            return n

        def membership(values, container):
            found = []
            for v in values:
                if v in container:
                    found.append(v)
                elif v not in container:
                    found.append(v + 100)
            return found

        def bits(n, count):
            t = 0
            for i in range(n):
                t += (i << count) >> 1
                t ^= ~i
            return t

        def rows(n):
            out = []
            for i in range(n):
                out.append([i, i * 2] + [i < 3, not i])
            return out[-1], len(out)

        def vague(values):
            seen = []
            for v in values:
                if Vague() == v:
                    seen.append(v)
            return seen

        def kinds(owners):
            names = []
            for o in owners:
                names.append(o.kind)
            return names

        def main():
            for _ in range(3):
                owners = [Slots(1), Plain(2), Computed(), Dynamic()] * 30
                print(attributes(owners), kinds([Dynamic()] * 200)[-1])
                print(lookups(list(range(40)) * 3, {i: i * i for i in range(40)}),
                      lookups([1, 2, 99] * 20, Defaulting({1: 1, 2: 4})))
                print(words(["a", "b", "c", "d", "e", ""] * 40))
                print(membership(list(range(12)) * 5, Fussy())[-6:],
                      membership([3, 4, 5] * 20, {4, 5})[-3:])
                print(bits(500, 3), rows(300), vague([0, 1, 2] * 20)[-2:])
                plains = [Plain(1.5) for _ in range(50)]
                print(store_all(plains, 2), plains[0].x, plains[-1].x,
                      fill(Picky(), ["a", "bb"] * 30))
            for bad, args in ((attributes, ([Slots(1)] * 40 + [Dynamic(), object()],)),
                              (fill, (Picky(), ["a", "bb"] * 30 + ["stop"])),
                              (membership, (list(range(20)), Fussy())),
                              (bits, (100, -1)),
                              (words, ([Vague()] * 3,)),
                              (store_all, ([Guarded()] * 30, 5))):
                try:
                    print(bad(*args))
                except Exception:
                    print(traceback.format_exc().splitlines()[-3:])
            print(bits(40, 61), bits(40, 70))

        main()
"""

PROGRAMS = {
    # nbody's shape: unpacking, float arithmetic, ** and list element updates.
    "nbody_like": """
        def combinations(l):
            result = []
            for x in range(len(l) - 1):
                for y in l[x + 1:]:
                    result.append((l[x], y))
            return result

        BODIES = [([1.0 * i, 2.0 - i, 0.5 * i], [0.1, 0.2 * i, 0.3], 1.5 + i) for i in range(5)]
        PAIRS = combinations(BODIES)

        def advance(dt, n, bodies=BODIES, pairs=PAIRS):
            for i in range(n):
                for (([x1, y1, z1], v1, m1), ([x2, y2, z2], v2, m2)) in pairs:
                    dx = x1 - x2
                    dy = y1 - y2
                    dz = z1 - z2
                    mag = dt * ((dx * dx + dy * dy + dz * dz) ** (-1.5))
                    b1m = m1 * mag
                    b2m = m2 * mag
                    v1[0] -= dx * b2m
                    v1[1] -= dy * b2m
                    v1[2] -= dz * b2m
                    v2[0] += dx * b1m
                    v2[1] += dy * b1m
                    v2[2] += dz * b1m
                for (r, [vx, vy, vz], m) in bodies:
                    r[0] += dt * vx
                    r[1] += dt * vy
                    r[2] += dt * vz

        advance(0.01, 2000)
        for body in BODIES:
            print([repr(c) for c in body[0]], [repr(c) for c in body[1]])
    """,
    # The types change under the compiled loop: guards exit, the interpreter
    # runs the instruction, and the executor steps aside when it never pays.
    "types_change": """
        def scale(values, k):
            out = [0.0] * len(values)
            i = 0
            for v in values:
                t = v * k
                out[i] = t
                i = i + 1
            return out

        def total(rows):
            acc = 0.0
            for (a, b) in rows:
                acc = acc + a * b
            return acc

        floats = [0.5 * i for i in range(200)]
        mixed = [0.5 * i if i % 3 else i for i in range(200)]
        print(total([(x, 2.0) for x in floats]))
        print(total([(x, 2.0) for x in mixed]))
        print(total([(x, 2) for x in floats]))
        print(total([(1.5, 2.5)] * 100 + [(2, 3)]))
        for _ in range(100):
            floats_total = total([(x, 2.0) for x in floats])
        print(floats_total)
    """,
    # Exceptions come from the interpreter, at the right line.
    "exceptions": """
        import traceback

        def divide(values, d):
            out = 0.0
            for v in values:
                out = out + v / d
            return out

        def power(values):
            out = []
            for v in values:
                r = (v - 2.0) ** 0.5
                out.append(r)
            return out

        def overflow(values):
            for v in values:
                r = v ** 1000.0
            return r

        def unbound(values):
            for v in values:
                w = prev * v
                prev = v
            return w

        for _ in range(50):
            divide([1.0, 2.0, 3.0], 2.0)
        try:
            divide([1.0, 2.0, 3.0], 0.0)
        except ZeroDivisionError:
            print(traceback.format_exc().splitlines()[-3:])
        print(power([4.0, 1.0, 9.0]))
        try:
            overflow([1.5, 1.0e10])
        except OverflowError as error:
            print("OverflowError", error)
        try:
            unbound([1.0, 2.0, 3.0])
        except UnboundLocalError as error:
            print("UnboundLocalError", error)
    """,
    # A compiled loop inside a generator, and loops in two threads.
    "generators_and_threads": """
        import threading

        def walk(rows):
            for row in rows:
                acc = 0.0
                for (x, y) in row:
                    acc = acc + x * y - 0.5
                yield acc

        rows = [[(float(i), float(j)) for j in range(50)] for i in range(40)]
        print([round(v, 6) for v in walk(rows)])

        results = {}
        def work(name, scale):
            total = 0.0
            for _ in range(200):
                for (x, y) in rows[3]:
                    total = total + x * scale + y
            results[name] = total

        threads = [threading.Thread(target=work, args=(n, s)) for n, s in (("a", 1.5), ("b", 2.5))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print(sorted(results.items()))
    """,
    # spectral_norm's shape: enumerate, and a call of a small pure function
    # inlined with unboxed ints. Each guard that can fail inside the inlined
    # body is made to fail once; the interpreter then makes the call.
    "inlined_calls": """
        import traceback

        def eval_A(i, j):
            return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)

        def part_A_times_u(i, u):
            partial_sum = 0
            for j, u_j in enumerate(u):
                partial_sum += eval_A(i, j) * u_j
            return partial_sum

        def floor_ops(a, b):
            return a // b * 1000 + a % b

        def table(pairs):
            out = [None] * len(pairs)
            k = 0
            for (a, b) in pairs:
                out[k] = floor_ops(a, b)
                k = k + 1
            return out

        u = [1] * 60
        for _ in range(4):
            v = [part_A_times_u(i, u) for i in range(60)]
            u = [part_A_times_u(i, v) for i in range(60)]
        print([repr(x) for x in u[:5]], repr(sum(u)))
        print(repr(part_A_times_u(2 ** 40, [1.0] * 40)))    # products beyond 2**62
        print(repr(part_A_times_u(0.5, [1.0] * 40)))        # a float argument
        for i in (-1, -3):                                   # 1.0 / 0 at j = 0, j = 2
            try:
                part_A_times_u(i, [1.0] * 5)
            except ZeroDivisionError:
                print(traceback.format_exc().splitlines()[-5:])
        signs = [(a, b) for a in (-7, -6, 0, 6, 7, 2 ** 61) for b in (-3, -1, 2, 5)]
        for _ in range(30):
            result = table(signs)
        print(result)
        try:
            table([(1, 2), (3, 0)])
        except ZeroDivisionError as error:
            print("ZeroDivisionError", error)

        def eval_B(i, j):
            return 2.0 * i + j
        for _ in range(20):
            part_A_times_u(3, u)
        eval_A = eval_B                                      # rebinding the global
        print(repr(part_A_times_u(3, u)))
        print(repr(part_A_times_u(3, (x for x in u))))       # enumerate of a generator
    """,
    # Floats that only a frame slot or a list references take new values in
    # place; one that anything else references must be replaced, not changed.
    # Branches inside the body: if, if/else, elif, continue, break, `is None`, truth
    # of bools and numbers, comparisons (NaN included), operand types that change.
    "branches": """
        NAN = float("nan")

        def classify(values, lo, hi):
            low = high = 0
            mid = 0.0
            for v in values:
                if v < lo:
                    low += 1
                elif v > hi:
                    high += 1
                else:
                    mid += v
            return low, high, mid

        def skip_odd(n):
            total = 0
            for i in range(n):
                if i % 2:
                    continue
                total += i // 3
            return total

        def count_flags(flags, weights):
            s = 0.0
            for i in range(len(flags)):
                if flags[i]:
                    s += weights[i]
                if weights[i] is None:
                    s -= 1.0
            return s

        def nan_aware(values):
            n = 0
            for v in values:
                if v != v:
                    n += 100
                if v >= 0.5:
                    n += 1
            return n

        def first_big(values, limit):
            found = -1
            for v in values:
                if v > limit:
                    found = v
                    break
            return found

        def any_above(values, limit):
            for v in values:
                if v > limit:
                    return True
            return False

        vals = [((i * 7919) % 1000) / 1000.0 for i in range(3000)]
        flags = [i % 3 == 0 for i in range(3000)]
        for rnd in range(4):
            print(classify(vals, 0.25, 0.75), skip_odd(3000),
                  count_flags(flags, vals), nan_aware(vals + [NAN] * 5),
                  first_big(vals, 0.99), any_above(vals, 0.998), any_above(vals, 2.0))
        # The types change: ints where floats were, and the other way round.
        print(classify([1, 5, 9] * 300, 2, 8), classify([0.5, 3.5] * 300, 1, 2.0),
              count_flags([1, True, False] * 100, [1.0, 2.0, None] * 100))
    """,
    # while loops: the condition at the end (a compare fused with a backward jump),
    # while True with a break, branches inside, a condition on a list element, a
    # while loop inside a for loop (the for loop is not translated: it holds a loop).
    "while_loops": """
        def halves(n):
            i = 0
            s = 0.0
            while i < n:
                s += i * 0.5
                i += 1
            return s

        def until(n):
            i = 0
            while True:
                i += 1
                if i > n:
                    break
            return i

        def collatz(n):
            steps = 0
            while n != 1:
                if n % 2 == 0:
                    n = n // 2
                else:
                    n = 3 * n + 1
                steps += 1
            return steps

        def leading_true(flags):
            i = 0
            c = 0
            while flags[i]:
                c += i
                i += 1
            return c

        def nested(rows, cols):
            total = 0
            for r in range(rows):
                c = 0
                while c < cols:
                    total += r * c
                    c += 1
            return total

        flags = [True] * 500 + [False]
        for rnd in range(4):
            print(halves(1000), until(1000), sum(collatz(k) for k in range(1, 300)),
                  leading_true(flags), nested(30, 40))
        # Types change: a float bound, big ints that leave the unboxed range.
        print(halves(10.5), collatz(2 ** 70 + 1), until(-1))
    """,
    # A path the loop does not take while it gets hot, then takes every
    # other iteration: its exit there is counted, and the loop translated
    # again with the path in it.
    "late_paths": """
        def total(values, limit):
            out = 0
            for v in values:
                if v > limit:
                    out += v * 2
                else:
                    out += v
            return out

        print(sum(total(list(range(100)), 1000) for rnd in range(40)))
        print(sum(total(list(range(2000)), 1000) for rnd in range(200)))
    """,
    # Inner `while` loops, translated with the loop around them.
    "nested_loops": """
        def fannkuch_like(n):
            # fannkuch's shape: a `while 1:` around three inner loops, one with
            # a `break` and an `else` that returns.
            count = list(range(1, n + 1))
            max_flips = 0
            checks = 0
            m = n - 1
            r = n
            perm1 = list(range(n))
            perm1_ins = perm1.insert
            perm1_pop = perm1.pop
            while 1:
                while r != 1:
                    count[r - 1] = r
                    r -= 1
                if perm1[0] != 0 and perm1[m] != m:
                    perm = perm1[:]
                    flips_count = 0
                    k = perm[0]
                    while k:
                        perm[:k + 1] = perm[k::-1]
                        flips_count += 1
                        k = perm[0]
                    if flips_count > max_flips:
                        max_flips = flips_count
                    checks += 1
                while r != n:
                    perm1_ins(r, perm1_pop(0))
                    count[r] -= 1
                    if count[r] > 0:
                        break
                    r += 1
                else:
                    return max_flips, checks

        def grid(rows, cols, skip):
            # An inner loop with `continue` and `break`; a float summed across
            # both loops, an int left by the inner one.
            total = 0.0
            reached = 0
            for r in range(rows):
                c = 0
                while c < cols:
                    c += 1
                    if c % skip == 0:
                        continue
                    if r * c > 500:
                        break
                    total += r * 0.5 + c
                reached += c
            return total, reached

        def rare_inner(values, limit):
            # The inner loop lies on a path the loop does not take while it
            # gets hot; taken later.
            out = 0
            for v in values:
                if v > limit:
                    n = v
                    while n > limit:
                        if n % 2:
                            n -= 7
                        else:
                            n -= 3
                    out += n
                else:
                    out += v
            return out

        def triangle(rows):
            # An inner `for` loop (nested_for_loops has more).
            total = 0
            for r in range(rows):
                for c in range(r):
                    total += c
            return total

        def divided(items):
            # The inner loop raises (10 // 0) once j reaches items[i] - 1.
            i = 0
            total = 0
            while i < len(items):
                j = 0
                while j < items[i]:
                    if j < 5:
                        total += 10 // (items[i] - j - 1)
                    else:
                        total += 1
                    j += 1
                i += 1
            return total

        for rnd in range(3):
            print(fannkuch_like(7), grid(40, 30, 7), triangle(60),
                  rare_inner(list(range(50)) * 20, 100), divided([9, 12, 20] * 30))
        print(rare_inner(list(range(150)) * 5, 100), grid(3, 2.5, 2))
        try:
            divided([9, 12, 3, 9])
        except ZeroDivisionError as error:
            print(type(error).__name__, error, error.__traceback__.tb_next.tb_lineno)
    """,
    # Inner `for` loops, translated with the loop around them: their iterators
    # stay in C variables while they run.
    "nested_for_loops": """
        class Noisy:
            # Freed when the inner loop's iterator, which holds the only
            # reference to its list, is dropped at the loop's end.
            def __init__(self, n):
                self.n = n

            def __del__(self):
                print("freed", self.n)

        def table(rows, cols):
            # continue and break in the inner loop, an `else` on it, a float
            # and an int across both loops.
            total = 0.0
            count = 0
            for r in range(rows):
                for c in range(cols):
                    if c % 3 == 0:
                        continue
                    if r * c > 400:
                        break
                    total += r * 0.25 + c
                else:
                    count += 1
                count += r
            return total, count

        def cube(n):
            # Three levels, over a list, a tuple and an enumerate.
            values = list(range(n))
            steps = tuple(range(0, n, 2))
            total = 0
            for a in values:
                for b in steps:
                    for i, c in enumerate(values):
                        total += a * b - c + i
            return total

        def find(rows, wanted):
            # A `return` from the inner loop pops both iterators.
            for i, row in enumerate(rows):
                for j in row:
                    if j == wanted:
                        return i, j
            return None

        def generated(n):
            # The inner iterator is a generator: the compiled code exits at
            # its FOR_ITER, the interpreter runs it.
            total = 0
            for a in range(n):
                for b in (x * 2 for x in range(a % 5)):
                    total += a + b
            return total

        def freeing(n):
            for k in range(n):
                for item in [Noisy(k), Noisy(k + 100)]:
                    item.n += 1
            return n

        def in_while(n):
            i = 0
            total = 0
            while i < n:
                for c in range(i % 7):
                    total += c * i
                i += 1
            return total

        def failing(rows):
            total = 0
            for row in rows:
                for x in row:
                    total += 100 // x
            return total

        def products(a, b):
            # A nested comprehension: its inner loop's LIST_APPEND reaches
            # the list below both iterators.
            return sum([x * y for x in a for y in b if x != y])

        def main():
            # In a function: a global assigned in every round (the loop's
            # variable at module level) would remove executors that depend on
            # the module's globals.
            for rnd in range(4):
                print(table(40, 30), cube(12), find([[1, 2], [3, 4, 5], [6]] * 50, 6),
                      generated(300), in_while(2000), products(range(40), range(30)),
                      find([[1, 2]] * 300, 9))
            print(freeing(3))
            try:
                failing([[1, 2, 3]] * 400 + [[4, 0]])
            except ZeroDivisionError as error:
                print(type(error).__name__, error, error.__traceback__.tb_next.tb_lineno)

        main()
    """,
    # Loops over dicts (keys, values, items) and sets, at the head and as inner
    # loops, an enumerate of one; a dict that grows while iterated raises at
    # the FOR_ITER (the traceback's line checked).
    "container_iterators": """
        def weights(table):
            total = 0
            for key in table:
                total += len(key)
            for value in table.values():
                total += value
            for key, value in table.items():
                if value % 2:
                    total += value * 3
            return total

        def pairs(groups):
            # Inner loops over a set and a dict's items.
            total = 0
            for name, members in groups.items():
                for m in members:
                    total += m
                for i, (k, v) in enumerate(sorted(members.items()) if isinstance(members, dict)
                                           else ()):
                    total += i * v
            return total

        def grows(table):
            n = 0
            for key in table:
                n += 1
                if n == 50:
                    table[-n] = n
            return n

        def main():
            table = {str(i) * (i % 4 + 1): i for i in range(300)}
            groups = {"s%d" % i: set(range(i, i + 20)) for i in range(20)}
            groups.update({"d%d" % i: {j: j * i for j in range(10)} for i in range(20)})
            for rnd in range(6):
                print(weights(table), pairs(groups))
            try:
                grows(dict.fromkeys(range(100)))
            except RuntimeError as error:
                print(type(error).__name__, error, error.__traceback__.tb_next.tb_lineno)

        main()
    """,
    # Loops with a path they do not take while they get hot (`if tracing:`),
    # taken later: richards' scheduler's shape. walk() is called once per round,
    # so 3.11 never quickens it (its loop closes with a conditional jump): the VM
    # quickens it at its first hotspot, and the untaken path's instructions stay
    # adaptive, never run, and hold an f-string the translator does not handle.
    "untaken_paths": """
        class Node:
            def __init__(self, value, link):
                self.value = value
                self.link = link
                self.seen = 0

        class Config:
            def __init__(self):
                self.tracing = False

        config = Config()

        def walk(head, steps):
            total = 0
            log = []
            node = head
            while steps > 0:
                if config.tracing:
                    log.append(f"{node.value}:{node.seen}")
                    node.seen = node.seen + len(log) % 7
                total += node.value * 2 + node.seen
                node = node.link
                if node is None:
                    node = head
                steps -= 1
            return total, len(log), log[-2:]

        def main():
            ring = None
            for v in range(10):
                ring = Node(v, ring)
            for rnd in range(3):
                print(walk(ring, 6000))
            config.tracing = True   # the path is taken: the compiled loop exits into it
            print(walk(ring, 300), [n.seen for n in (ring, ring.link)])
            config.tracing = False
            print(walk(ring, 6000))

        main()
    """,
    # Methods returning `and`/`or` of attributes and `not` (richards'
    # isTaskHoldingOrWaiting), inlined; then attributes whose truth the inlined
    # code does not take (a list, an int, a str): the interpreter makes the call.
    "short_circuits": """
        class Task:
            def __init__(self, i):
                self.holding = i % 3 == 0
                self.pending = i % 5 == 0
                self.waiting = i % 2 == 0
                self.weight = float(i % 4)
                self.spare = 0.25

            def blocked(self):
                return self.holding or (not self.pending and self.waiting)

            def load(self):
                return self.weight or self.spare

            def label(self):
                return self.pending and self.holding

            def fallback(self):   # an object or a float: not inlined, called
                return self.weight or 0.5

        def scan(tasks):
            blocked = 0
            total = 0.0
            for t in tasks:
                if t.blocked():
                    blocked += 1
                total += t.load() + t.fallback()
            return blocked, total

        def main():
            tasks = [Task(i) for i in range(400)]
            for rnd in range(5):
                print(scan(tasks))
            tasks[7].holding = [1]
            tasks[9].pending = 0
            tasks[11].weight = 3
            print(scan(tasks))
            tasks[13].holding = "yes"
            tasks[14].pending = None
            print(scan(tasks), [t.label() for t in tasks[:16]])

        main()
    """,
    # Attributes of instances (values array and slots) inside loops, and what
    # makes their guards fail: the class changed, an attribute deleted, a
    # __dict__ made, another class in the list.
    "attributes": """
        class P:
            def __init__(s, x, y): s.x = x; s.y = y
        class Q:
            __slots__ = ('x', 'y')
            def __init__(s, x, y): s.x = x; s.y = y

        def dot(ps):
            t = 0.0
            for p in ps:
                t += p.x * p.y
            return t

        def count_big(ps, limit):
            n = 0
            for p in ps:
                if p.x > limit:
                    n += 1
            return n

        def move(ps, dt):
            for p in ps:
                p.x += p.y * dt              # a float written in place, mostly
                p.y = p.y + p.y              # a new float

        ps = [P(i * 0.5, 2.0) for i in range(1000)]
        qs = [Q(i * 0.5, 2.0) for i in range(1000)]
        for rnd in range(5):
            print(dot(ps), dot(qs), count_big(ps, 100.0), count_big(qs, 100.0))
            move(ps, 0.5); move(qs, 0.25)
        print(sum(p.x for p in ps), sum(q.y for q in qs))
        held = ps[7].x                       # not private any more: a new box
        move(ps[:10], 1.0)
        s = P("a", "b")                      # strings: the interpreter
        move([s] * 2 + qs[:3], 2)
        print(held, ps[7].x, s.x, s.y)
        P.z = 5                              # the class changed: its version too
        odd = P(1.0, 1.0)
        del odd.y
        try:
            dot(ps + [odd])
        except AttributeError as e:
            print("AttributeError", e)
        d = P(3.0, 4.0)
        d.__dict__                           # the values array is gone
        print(dot(ps[:3] + [d]), count_big([Q(1, 2)] * 10 + qs + ps, 100.0))
    """,
    "shared_floats": """
        def running_totals(rows):
            acc = 0.0
            history = []
            for row in rows:
                for v in row:
                    acc = acc + v
                history.append(acc)     # acc's float is shared from here on
            return history

        def shift(points):
            for p in points:
                p[0] = p[0] + 0.5

        rows = [[0.25] * 50 for _ in range(200)]
        history = running_totals(rows)
        print(history[:3], history[-1], len(set(map(id, history))))
        points = [[float(i), 0.0] for i in range(100)]
        aliases = [p[0] for p in points[::7]]   # items shared with another list
        for _ in range(200):
            shift(points)
            aliases.append(points[3][0])
        print(points[0], points[7], points[99], aliases[:3], aliases[-3:])
    """,
    # Methods inlined into the loops that call them (bm_float's shape): attribute
    # loads and stores, math.sqrt, conditional expressions, a method returning
    # self or an attribute's old value, instances with slots and with a values
    # array. Then what makes an inlined method exit before its call, so that
    # the interpreter makes it: two owners that are one object, a zero
    # division and a subclass, a store over an attribute that holds a list, the
    # method's code replaced and the method itself replaced. Constructors inlined
    # (slots, a values array whose order __dict__ shows), one whose __init__
    # raises, a class with a finalizer (called, not inlined), __init__ replaced.
    "inlined_methods": """
        import math
        import traceback
        from math import sqrt


        class P:
            __slots__ = ("x", "y", "z", "tag")

            def __init__(self, i):
                self.x = math.sin(i)
                self.y = math.cos(i) * 3
                self.z = float(i % 7)
                self.tag = i % 3

            def normalize(self):
                x = self.x
                y = self.y
                z = self.z
                norm = sqrt(x * x + y * y + z * z)
                self.x /= norm
                self.y /= norm
                self.z /= norm

            def maximize(self, other):
                self.x = self.x if self.x > other.x else other.x
                self.y = self.y if self.y > other.y else other.y
                return self

            def absorb(self, other):
                self.x = self.x + other.x
                other.x = 0.0

            def swap(self):
                self.x, self.y = self.y, self.x

            def take(self):
                old = self.z
                self.z = -1.5
                return old

            def count(self):
                self.tag = self.tag + 1
                return self.tag > 2

            def dot(self, other):
                return self.x * other.x + self.y * other.y


        class V:   # instances with a values array (no __slots__)
            def __init__(self, i):
                self.a = float(i)
                self.b = i

            def step(self, k):
                self.a = self.a * 0.5 + k
                self.b = self.b + 1
                return self.a


        def run(points, vs):
            for p in points:
                p.normalize()
            best = points[0]
            for p in points[1:]:
                best = best.maximize(p)
            for p in points:
                p.swap()
            total = 0.0
            for p in points:
                total += p.take()
            flags = 0
            for p in points:
                if p.count():
                    flags += 1
            d = 0.0
            for p in points:
                d += p.dot(best)
            for p, q in zip(points, points[1:]):
                p.absorb(q)
            s = 0.0
            for v in vs:
                s += v.step(2)
            return best.x, best.y, total, flags, d, s, [p.x for p in points[:4]], [v.b for v in vs[:3]]


        for rnd in range(6):
            points = [P(i) for i in range(1, 300)]
            vs = [V(i) for i in range(200)]
            print(run(points, vs))

        # The same object on both sides: the alias guard exits, the interpreter runs it.
        points = [P(i) for i in range(1, 50)]
        for p in points:
            p.absorb(p)
        print([p.x for p in points[:3]])

        # A zero norm, a negative sqrt argument: the exception comes from the method's frame.
        points = [P(i) for i in range(1, 50)]
        points[20].x = points[20].y = points[20].z = 0.0
        try:
            for p in points:
                p.normalize()
        except ZeroDivisionError:
            print(traceback.format_exc().splitlines()[-3:])
        print([p.x for p in points[18:23]])

        class Q(P):
            __slots__ = ()

        qs = [Q(i) for i in range(1, 40)]
        for q in qs:
            q.normalize()
        print([q.x for q in qs[:3]])

        # An attribute holding something else than a number: the interpreter stores it.
        points = [P(i) for i in range(1, 60)]
        points[30].z = [1, 2]
        total = []
        for p in points:
            total.append(p.take())
        print(total[28:32])

        # The method's code replaced, then the method itself.
        def other_normalize(self):
            self.x = 42.0
        points = [P(i) for i in range(1, 60)]
        for n, p in enumerate(points):
            if n == 30:
                P.normalize.__code__ = other_normalize.__code__
            p.normalize()
        print([p.x for p in points[28:33]])
        def third(self):
            self.x = -7.0
        points = [P(i) for i in range(1, 60)]
        for n, p in enumerate(points):
            if n == 30:
                P.normalize = third
            p.normalize()
        print([p.x for p in points[28:33]])

        class R:
            __slots__ = ("x",)
            def __init__(self, x):
                self.x = x
            def both(self, other):
                self.x = self.x * 2.0
                other.x = other.x + 1.0
                return self.x - other.x
        rs = [R(float(i)) for i in range(100)]
        out = []
        for n in range(100):
            a = rs[n]
            b = rs[n] if n % 10 == 0 else rs[(n + 1) % 100]
            out.append(a.both(b))
        print(out[:12], [r.x for r in rs[:12]])

        # Constructors inlined: a class with slots, one with a values array (its
        # __dict__ keeps the order __init__ set the attributes in), an __init__ that
        # raises for one argument, a class with a finalizer (called), and __init__
        # replaced halfway.
        class S:
            __slots__ = ("a", "b")
            def __init__(self, a):
                self.b = a * 2.0
                self.a = 1.0 / a

        class W:
            def __init__(self, a, b):
                self.second = b
                self.first = a + 0.5
                self.second = b * 3

        class D:
            def __init__(self, a):
                self.a = a
            def __del__(self):
                pass

        def make(n):
            out = []
            for i in range(1, n):
                s = S(float(i))
                w = W(float(i), i)
                d = D(i)
                out.append(s.a + s.b + w.first + w.second + d.a)
            return out

        for _ in range(4):
            made = make(200)
        print(made[:3], sum(made), list(vars(W(1.0, 2))))
        def build(values):
            out = []
            for v in values:
                out.append(S(v))
            return out
        try:
            build([1.0] * 50 + [0.0])
        except ZeroDivisionError:
            print(traceback.format_exc().splitlines()[-3:])
        def other_init(self, a):
            self.a = -a
            self.b = 0.0
        made = []
        for n in range(100):
            if n == 50:
                S.__init__ = other_init
            made.append(S(float(n + 1)).a)
        print(made[48:52])
    """,
    # Loops over objects of several classes (richards' tasks, a scene's shapes).
    # In scan, every site the specializer cached for Square meets a Circle or a
    # Measured too: the same method inherited (inlined, its attributes where
    # Square has them), another method (called), a property where Square has
    # an attribute (read generically). scan_all adds what still leaves the
    # compiled code: attributes one slot further (Tagged), an instance
    # attribute hiding the method (Hooked: after the LOAD_METHOD), another
    # method returning a float (Slotted, with __slots__).
    "c_calls": """
        # Calls of C functions and builtin classes, in the forms the specializer
        # gives them (str(x), tuple(x), type(x), len, isinstance, a METH_O
        # builtin, METH_FASTCALL ones, methods of str of every flag), made
        # directly where the form's guard holds; `conv` changes from call to
        # call, so one site sees str, then other builtins, then a lambda.
        class Bad:
            def __str__(self):
                raise ValueError("no str")

        def fmt(items, conv):
            out = []
            n = 0
            for x in items:
                s = conv(x)
                out.append(s)
                n += len(s) + len((x,)) + isinstance(x, int)
                t = tuple(s)
                n += len(t) + (type(x) is int)
            return n, out

        def measure(texts):
            n = 0
            for s in texts:
                n += len(",".join(tuple(s))) + s.count("1") + len(s.upper())
                n += abs(-n) % 7 + divmod(n, 7)[0] % 3
            return n

        def main():
            items = list(range(200)) + [1.5, "a", None, (1, 2)]
            for conv in (str, repr, ascii, str, lambda v: "<%s>" % (v,)):
                for rnd in range(3):
                    n, texts = fmt(items, conv)
                    print(n, texts[-3:], measure(texts))
            try:
                fmt([1, 2, Bad()], str)
            except ValueError as error:
                print("raised", error, error.__traceback__.tb_next.tb_lineno)

        main()
    """,
    "polymorphic": """
        class Shape:
            def __init__(self, size):
                self.size = size
                self.hits = 0
                self.label = "shape"

            def weight(self):
                return self.size * 2.0 + self.hits

            def touch(self, k):
                self.hits = self.hits + 1
                return self

        class Square(Shape):
            pass

        class Circle(Shape):
            def touch(self, k):
                self.hits = self.hits + k % 3
                return self

        class Measured(Shape):
            @property
            def label(self):
                return "measured" + str(self.size)

            @label.setter
            def label(self, value):
                pass

        class Tagged(Shape):
            def __init__(self, size):
                self.extra = 1
                super().__init__(size)

        class Hooked(Shape):
            def __init__(self, size):
                super().__init__(size)
                self.touch = lambda k: self

        class Slotted:
            __slots__ = ("size", "hits", "label")

            def __init__(self, size):
                self.size = size
                self.hits = 0
                self.label = "slotted"

            def weight(self):
                return self.size * 3.0 + self.hits

            def touch(self, k):
                self.hits = self.hits + 3
                return self

        def scan(shapes, rounds):
            total = 0.0
            n = 0
            for r in range(rounds):
                for s in shapes:
                    total += s.weight()
                    n += len(s.touch(r).label)
            return total, n

        # scan's twin: executors belong to a code object, so each function's
        # loop is counted apart.
        def scan_all(shapes, rounds):
            total = 0.0
            n = 0
            for r in range(rounds):
                for s in shapes:
                    total += s.weight()
                    n += len(s.touch(r).label)
            return total, n

        def main():
            squares = [Square(float(i)) for i in range(30)]
            print(scan(squares, 20), scan_all(squares, 20))
            mixed = [kind(float(i)) for i in range(20) for kind in (Square, Circle, Measured)]
            for rnd in range(4):
                print(scan(mixed, 30))
            everything = mixed + [kind(float(i)) for i in range(3)
                                  for kind in (Tagged, Hooked, Slotted)]
            for rnd in range(4):
                print(scan_all(everything, 30))
            print(sorted({type(s).__name__: s.hits for s in everything}.items()))

        main()
    """,
    # Slices (BUILD_SLICE) in loops: fannkuch's flips (a slice assigned from a
    # reversed one), steps, a str's and a tuple's, bounds of ints computed in C,
    # None, an object with __index__, a class whose __getitem__ sees the slice,
    # and a bound that is not an index (TypeError, the traceback's line).
    "slices": """
        import itertools

        class Index:
            def __init__(self, n):
                self.n = n

            def __index__(self):
                return self.n

        class Seen:
            def __getitem__(self, key):
                return (key.start, key.stop, key.step)

        def flips(perm):
            count = 0
            k = perm[0]
            while k:
                perm[:k + 1] = perm[k::-1]
                count += 1
                k = perm[0]
            return count

        def cuts(text, items):
            out = []
            for i in range(len(items)):
                out.append((text[i:i + 3], items[:i:2], items[i - 40:], text[::-1][:2]))
            return out

        def odd_bounds(items, bound):
            out = []
            for i in range(len(items)):
                out.append((Seen()[i:None:2], items[Index(1):bound]))
            return out

        def main():
            for perm in list(itertools.permutations(range(7)))[::97]:
                perm = list(perm)
                print(flips(perm), perm)
            for rnd in range(3):
                print(cuts("abcdefghij" * 4, tuple(range(40)))[-2:])
                print(odd_bounds(tuple(range(12)), 5)[-2:])
            try:
                odd_bounds((1, 2, 3), "x")
            except TypeError as error:
                print("TypeError", error.__traceback__.tb_next.tb_lineno)

        main()
    """,
    # Strings built in loops: `s += t` and `s = s + t` (the specializer's
    # in-place form, which grows the string the local alone holds), `s += s`,
    # a copy kept in another local meanwhile, `+` of two strs into another
    # name, a site that later sees bytes (its guard fails: the interpreter's
    # generic `+=`), and a str + int (TypeError, the traceback's line).
    "strings": """
        def build(words, sep, s):
            kept = []
            for w in words:
                s += w
                s = s + sep
                if len(s) % 7 == 0:
                    kept.append(s)
                    t = s
                    s += sep + sep
                    kept.append(t)
                pair = w + sep
                kept.append(pair)
            return s, kept[-4:]

        def doubling(s, n):
            for i in range(n):
                s += s
            return len(s), s[:5]

        def main():
            words = [f"w{i}" for i in range(300)]
            for rnd in range(4):
                print(build(words, ",", ""))
            print(build([b"x", b"y"] * 20, b";", b""))
            print(doubling("ab", 10), doubling(b"ab", 10))
            try:
                build(words[:50] + [3], ",", "")
            except TypeError as error:
                print("TypeError", error, error.__traceback__.tb_next.tb_lineno)

        main()
    """,
    # f-strings in loops (FORMAT_VALUE, BUILD_STRING): ints and floats computed
    # in C, conversions (!r, !s, !a), constant and computed format specs, a str
    # field passed as it is, a __format__ of a class, one that raises (the
    # traceback's line).
    "fstrings": """
        class Money:
            def __init__(self, cents):
                self.cents = cents

            def __format__(self, spec):
                if spec == "boom":
                    raise ValueError("no format")
                return f"${self.cents // 100}.{self.cents % 100:02d}"

        def render(rows, width, spec):
            lines = []
            for name, n, x in rows:
                k = n * 3 + 1
                y = x * 0.5
                lines.append(f"{name}|{k:>{width}}|{y:.3f}|{name!r}|{x!a}|{n!s}|{Money(n):{spec}}")
            return lines

        def main():
            rows = [(f"r{i}\u00e9", i, i / 7) for i in range(200)]
            for rnd in range(4):
                print(render(rows, 6 + rnd, "")[-2:])
            try:
                render(rows[:3], 4, "boom")
            except ValueError as error:
                print("ValueError", error, error.__traceback__.tb_next.tb_lineno)

        main()
    """,
    # Loops with a `try` inside (its handlers are the interpreter's: the compiled
    # code exits with the exception, and runs again from the next back edge), a
    # `continue` in a handler, `finally`, `assert`, and `raise` in a branch.
    "try_in_loops": """
        class Odd(Exception):
            pass

        def parse(texts):
            total = 0
            bad = 0
            for t in texts:
                try:
                    total += int(t) * 2
                except ValueError:
                    bad += 1
                    continue
                finally:
                    total += 1
                assert total >= 0, "negative"
                if total > 10 ** 9:
                    raise Odd(total)
            return total, bad

        def main():
            texts = [str(i) if i % 9 else f"x{i}" for i in range(400)]
            for rnd in range(4):
                print(parse(texts))
            for tail in (["-999999999"], ["999999999"]):
                try:
                    print(parse(texts + tail))
                except (AssertionError, Odd) as error:
                    print(type(error).__name__, error, error.__traceback__.tb_next.tb_lineno)

        main()
    """,
    # Attributes kept in instance dicts (LOAD_ATTR_WITH_HINT, STORE_ATTR_WITH_HINT:
    # a __dict__ was asked for, so the values array is gone): read and stored,
    # a class attribute an instance shadows, one it does not (read from the
    # class), an owner of another class, __getattr__ for a missing one, a
    # missing one (AttributeError, the traceback's line). A read looks at the
    # entry the specializer saw the name at (its hint) first: dicts whose
    # entries moved (an attribute deleted and set again), and dicts with a key
    # that is not a str (whose entries keep a hash too) in walk_mixed.
    "dict_attributes": """
        class Cell:
            kind = "cell"

            def __init__(self, n):
                self.n = n
                self.seen = 0
                self.__dict__["extra"] = n * 2

        class Lazy(Cell):
            def __getattr__(self, name):
                return -1

        class Mixed(Cell):
            def __init__(self, n):
                super().__init__(n)
                self.__dict__[0] = "not a name"

        def walk_mixed(cells):
            total = 0
            for c in cells:
                c.seen = c.seen + c.n
                total += c.seen + c.extra
            return total

        def walk(cells):
            total = 0
            for c in cells:
                c.seen = c.seen + c.n
                total += c.seen + c.extra + len(c.kind)
                if c.n % 5 == 0:
                    c.kind = "five"
            return total

        def main():
            cells = [Cell(i) for i in range(300)]
            for rnd in range(4):
                print(walk(cells), cells[10].kind, cells[11].kind)
            for c in cells[::7]:   # n moves to the end of the dict's entries
                n = c.n
                del c.n
                c.n = n
            print(walk(cells))
            mixed = [Mixed(i) for i in range(300)]
            for rnd in range(4):
                print(walk_mixed(mixed))
            for c in mixed[::5]:
                del c.extra
                c.extra = -1
            print(walk_mixed(mixed))
            lazy = Lazy(3)
            del lazy.extra
            print(walk(cells[:50] + [lazy] * 3))
            broken = Cell(7)
            del broken.seen
            try:
                walk(cells[:40] + [broken])
            except AttributeError as error:
                print("AttributeError", error, error.__traceback__.tb_next.tb_lineno)

        main()
    """,
    # Calls with keyword arguments (KW_NAMES): of builtins and methods of C
    # types, of a class (run's loop, compiled), of Python functions (defaults
    # left, keyword-only ones: weigh_all's loop, declined); one that raises (an
    # unexpected keyword, a callee's own error) and the traceback's line; a
    # keyword call on a path taken late.
    "keyword_calls": """
        class Box:
            def __init__(self, value, *, scale=1.0):
                self.value = value * scale

        def weigh(x, factor=2.0, *, offset=0.0):
            if x < 0:
                raise ValueError(f"negative {x}")
            return x * factor + offset

        def weigh_all(items):
            total = 0.0
            for x in items:
                total += weigh(x, factor=0.5) + weigh(x, offset=1.0)
            return total

        def run(items, late):
            total = weigh_all(items)
            words = []
            for x in items:
                total += Box(x, scale=3.0).value + int("101", base=2)
                words.append(" ".join(sorted(("b", "a", str(x)), reverse=True)))
                if x > late:
                    total += round(x / 3, ndigits=2)
            return total, words[-2:]

        def main():
            items = [float(i) for i in range(100)]
            for late in (1000, 1000, 90, 50):
                print(run(items, late))
            for bad, kwargs in (([1.0, -2.0], {}), ([1.0, 2.0], {"nope": 1})):
                try:
                    if kwargs:
                        for x in bad:
                            weigh(x, **kwargs)
                    else:
                        run(bad * 20, 1000)
                except (ValueError, TypeError) as error:
                    tb = error.__traceback__
                    while tb.tb_next is not None and tb.tb_frame.f_code.co_name != "run":
                        tb = tb.tb_next
                    print(type(error).__name__, error, tb.tb_lineno)

        main()
    """,
    # Loops of object code: Python calls in the body (the interpreter makes them,
    # continuations go on after them), objects replaced in a list (one with a
    # destructor that prints), a callee that raises, tuple subscripts, negation,
    # a closure's cell, tuples, comprehensions and list.append.
    "object_loops": OBJECT_LOOPS,
    "generic_loops": GENERIC_LOOPS,
}

# Loops whose bodies are long enough for their jumps to need EXTENDED_ARG (the
# FOR_ITER's exit, the back edge, a forward jump over a long `if` arm, a
# while loop's conditional back edge): 40 statements of float arithmetic.
def _long_body(indent: str) -> str:
    return "\n".join(f"{indent}a{i % 4} = a{i % 4} * 0.999 + x * {i}.5" for i in range(40))



PROGRAMS["long_loops"] = f"""
def run_for(items):
    a0 = a1 = a2 = a3 = 0.0
    for x in items:
{_long_body(" " * 8)}
        if x > 50.0:
{_long_body(" " * 12)}
        else:
            a0 = a0 + 1.0
    return a0, a1, a2, a3

def run_while(n):
    a0 = a1 = a2 = a3 = 0.0
    x = 0.0
    while True:
        x = x + 1.0
{_long_body(" " * 8)}
        if x >= n:
            break
    return a0, a1, a2, a3

def main():
    for rnd in range(5):
        print(run_for([i * 0.5 for i in range(200)]), run_while(300.0 + rnd))

main()
"""


# Function units: methods and functions calling Python functions (the
# interpreter makes those calls; a unit continues after one), a recursion, a
# callee that raises. With CHANGE_AT set, a method of the class is replaced and
# a global rebound halfway: the units depending on them are removed.
FUNCTION_UNITS = """
        class Vec:
            def __init__(self, x, y):
                self.x = x
                self.y = y

            def add(self, other):
                x = self.x + other.x
                y = self.y + other.y
                return Vec(x, y)

            def dot(self, other):
                return self.x * other.x + self.y * other.y

            def scaled(self, k):
                s = k * 1.0 + self.x * 0.0
                v = Vec(self.x * s, self.y * s)
                n = v.dot(v) + s * 0.5 - self.y * s
                m = n * n + s
                return v, m


        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2)


        def check(u, limit):
            if u > limit:
                raise ValueError(u)
            return u


        first_check = check


        def check_twice(u, limit):
            w = u * 0.5 + 1.0
            return 2.0 * first_check(u, limit) + w


        def maybe(v, limit):
            t = v.x * 3.0 + v.y
            u = t * t - 1.0
            r = check(u, limit)
            q = r * 0.5 + t * 0.25 - u
            return q if r is not None else None


        def rebind():
            globals()["check"] = check_twice


        CHANGE_AT = -1


        def main():
            acc = Vec(0.0, 0.0)
            total = 0.0
            errors = 0
            for i in range(3000):
                v = Vec(i * 0.5, 1.0 - i)
                acc = acc.add(v)
                w, n = v.scaled(0.25)
                total += n + w.x
                try:
                    total += maybe(v, 4e6 if i < 2000 else 1e5)   # raises from i = 2000
                except ValueError:
                    errors += 1
                if i == CHANGE_AT:   # a method replaced, a global rebound
                    Vec.dot = lambda self, other: self.x * other.x
                    rebind()
            print(acc.x, acc.y, total, errors, fib(18))


        main()
"""
# Prints, on stderr after the program, the executors of the functions named in
# its arguments: {name: {offset: [entries, parts run to their end]}}.
EXECUTORS_MARKER = "JIT-EXECUTORS "
EXECUTORS_RUNNER = (
    "import json, runpy, sys\n"
    "import _optimizer\n"
    "namespace = runpy.run_path(sys.argv[1], run_name='__main__')\n"
    "found = {}\n"
    "for name in sys.argv[2:]:\n"
    "    obj = namespace[name.split('.')[0]]\n"
    "    for part in name.split('.')[1:]:\n"
    "        obj = getattr(obj, part)\n"
    "    found[name] = {offset: [e.entries, e.iterations]\n"
    "                   for offset, e in _optimizer.get_executors(obj.__code__).items()}\n"
    f"sys.stderr.write({EXECUTORS_MARKER!r} + json.dumps(found) + '\\n')\n"
)
UNIT_NAMES = ["Vec.add", "Vec.scaled", "Vec.dot", "fib", "maybe", "check", "check_twice"]


def run_function_units(python: Path, tmp_path: Path, change_at: int) -> tuple[str, dict, str]:
    """Output, executors found after the run and the rest of stderr of
    FUNCTION_UNITS under jit and the checker (threshold 16, as a program would
    meet it: functions are specialized when compiled)."""
    program = tmp_path / "units.py"
    program.write_text(textwrap.dedent(FUNCTION_UNITS).replace(
        "CHANGE_AT = -1", f"CHANGE_AT = {change_at}"))
    plain = run([python, program])
    assert plain.returncode == 0, output(plain)
    result = run([python, "-X", "optimizer=jit", "-X", "optimizer_check", "-c", EXECUTORS_RUNNER,
                  program, *UNIT_NAMES],
                 env={"PYTHONOPTIMIZERTHRESHOLD": "16", "PLUGOPT_JIT_FUNCTIONS": "1",
                      "PLUGOPT_JIT_CACHE": str(tmp_path / "cache")})
    assert result.returncode == 0, output(result)
    assert result.stdout == plain.stdout
    lines = result.stderr.splitlines()
    found = [json.loads(line[len(EXECUTORS_MARKER):]) for line in lines
             if line.startswith(EXECUTORS_MARKER)]
    assert len(found) == 1, output(result)
    rest = "\n".join(line for line in lines if not line.startswith(EXECUTORS_MARKER))
    return result.stdout, found[0], rest


def test_function_units_run_compiled(patched_python: Path, tmp_path: Path) -> None:
    _, executors, stderr = run_function_units(patched_python, tmp_path, change_at=-1)
    assert stderr == ""
    # Each function's entry part runs compiled on (nearly) every call, and to
    # its planned end: no guard failed. fib is called 8,361 times.
    for name in UNIT_NAMES:
        if name == "check_twice":   # never called
            assert executors[name] == {}, executors
            continue
        if name == "Vec.dot":   # called by Vec.scaled only, which inlines it
            assert all(entries == 0 for entries, _ in executors[name].values()), executors
            continue
        entries, completed = executors[name]["0"]
        assert completed == entries and entries > (8000 if name == "fib" else 2900), executors
    # Vec.scaled runs whole in its entry part: Vec(...) and v.dot(v) are inlined.
    assert list(executors["Vec.scaled"]) == ["0"], executors
    # A continuation after a call that raises from i = 2000 on (maybe: check(u, limit)).
    continuations = {offset: counts for offset, counts in executors["maybe"].items()
                     if offset != "0"}
    assert len(continuations) == 1, executors
    entries, completed = next(iter(continuations.values()))
    assert completed == entries and entries > 1900, executors


def test_a_continuation_returns_on_a_stack_it_was_not_translated_for(
        patched_python: Path, tmp_path: Path) -> None:
    # pickle's Unpickler.load_binint2 (a segfault in CPython's test_pickle):
    # `self.append` is a bound method kept in the instance, so LOAD_METHOD
    # leaves NULL and the attribute, where the compiled code, whose path exits
    # there, has the method and `self`. The interpreter goes on, calls the
    # Python method `read` and reaches the continuation after that call with
    # the stack it made: the continuation must not take it for its own.
    program = tmp_path / "reader.py"
    program.write_text(textwrap.dedent("""
        from struct import unpack

        class Reader:
            def __init__(self, data):
                self.data = data
                self.pos = 0
                self.items = []
                self.append = self.items.append

            def read(self, n):
                chunk = self.data[self.pos:self.pos + n]
                self.pos += n
                return chunk

            def load_pair(self):
                self.append(unpack('<H', self.read(2))[0])

        reader = Reader(bytes(range(256)) * 40)
        for _ in range(5000):
            reader.load_pair()
        print(len(reader.items), sum(reader.items))
    """))
    stdout, stats, stderr = run_jit(patched_python, program, tmp_path / "cache",
                                    env={"PYTHONOPTIMIZERTHRESHOLD": "16",
                                         "PLUGOPT_JIT_FUNCTIONS": "1"})
    assert stdout == run_plain(patched_python, program) and stderr == ""
    assert stats["functions"] >= 1, stats   # load_pair's, with its continuation


@pytest.mark.parametrize("functions", ["0", "1"])
def test_globals_keep_their_reference_counts(patched_python: Path, tmp_path: Path,
                                             functions: str) -> None:
    # A global loaded in compiled code is borrowed (the executor keeps it) or,
    # where the code looks it up, owned: stored, compared, tested or passed
    # to an inlined function, it takes exactly the references the
    # interpreter's would. A leak of one reference an iteration shows here.
    program = tmp_path / "refcounts.py"
    program.write_text(textwrap.dedent("""
        import sys
        class Box:
            pass
        THING = Box()
        LIMIT = 10 ** 6
        def half(x):
            return x * 0.5
        def f(n):
            x = None
            total = 0.0
            i = 0
            while i < LIMIT and i < n:
                x = THING
                if x is THING:
                    total += half(i * 1.0)
                i += 1
            return x, total
        before = sys.getrefcount(THING), sys.getrefcount(LIMIT)
        for _ in range(20):
            f(2000)
        after = sys.getrefcount(THING), sys.getrefcount(LIMIT)
        print([a - b for a, b in zip(after, before)])
    """))
    stdout, stats, stderr = run_jit(patched_python, program, tmp_path / "cache",
                                    env={"PLUGOPT_JIT_FUNCTIONS": functions})
    assert stderr == "" and stats["compiled"] >= 1 and stats["iterations"] > 10000, stats
    # At most the references the executors keep (K): one each.
    assert all(0 <= grew <= 2 for grew in json.loads(stdout)), stdout


def test_function_units_are_off_unless_asked_for(patched_python: Path, tmp_path: Path) -> None:
    program = tmp_path / "calls.py"
    program.write_text(textwrap.dedent("""
        def f(x):
            y = x * 2.0 + 1.0
            z = y * y - x
            return z + y * 0.5
        total = 0.0
        for i in range(200):
            total += f(i * 1.0)
        print(total)
    """))
    cache = tmp_path / "cache"
    _, off, _ = run_jit(patched_python, program, cache)
    _, on, _ = run_jit(patched_python, program, cache, env={"PLUGOPT_JIT_FUNCTIONS": "1"})
    assert off["functions"] == 0 and on["functions"] >= 1, (off, on)
    result = run([patched_python, "-X", "optimizer=jit", "-c", "pass"],
                 env={"PLUGOPT_JIT_FUNCTIONS": "yes", "PLUGOPT_JIT_CACHE": str(cache)})
    assert result.returncode != 0
    assert "PLUGOPT_JIT_FUNCTIONS must be 0 or 1, not yes" in result.stderr, output(result)


def test_function_units_follow_changes(patched_python: Path, tmp_path: Path) -> None:
    # Vec.dot replaced and check rebound at i = 1500: the output is the
    # interpreter's, and no executor still depends on what changed.
    _, executors, stderr = run_function_units(patched_python, tmp_path, change_at=1500)
    assert stderr == ""
    assert executors["fib"]["0"][0] > 8000, executors   # unaffected
    # check_twice is called from i = 1501 on.
    entries, completed = executors["check_twice"]["0"]
    assert completed == entries and entries > 1400, executors
    # An executor from before the change would have been entered on nearly
    # every one of the 3,000 rounds: what is left was compiled after it.
    for name in ("Vec.add", "Vec.scaled", "Vec.dot", "maybe"):
        assert all(entries < 1600 for entries, _ in executors[name].values()), executors


@pytest.fixture(scope="module")
def program_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("jit-programs")
    files = {}
    for name, source in PROGRAMS.items():
        path = folder / f"{name}.py"
        path.write_text(textwrap.dedent(source))
        files[name] = path
    return files


def run_plain(python: Path, program: Path) -> str:
    result = run([python, program], env={"PYTHONHASHSEED": "0"})
    assert result.returncode == 0, output(result)
    return result.stdout


def run_jit(python: Path, program: Path, cache: Path,
            env: dict[str, str] | None = None) -> tuple[str, dict[str, int], str]:
    """stdout, jit's stats and the rest of stderr of `program` under jit."""
    result = run([python, "-X", "optimizer_check", "-c", RUNNER, program],
                 env={"PYTHONHASHSEED": "0", "PYTHONOPTIMIZERTHRESHOLD": "1",
                      "PLUGOPT_JIT_CACHE": str(cache), **(env or {})})
    assert result.returncode == 0, output(result)
    stats_lines = [line for line in result.stderr.splitlines() if line.startswith(STATS_MARKER)]
    assert len(stats_lines) == 1, output(result)
    rest = "\n".join(line for line in result.stderr.splitlines()
                     if not line.startswith(STATS_MARKER))
    return result.stdout, json.loads(stats_lines[0][len(STATS_MARKER):]), rest


def executors_after(python: Path, program: Path, names: list[str],
                    tmp_path: Path) -> dict[str, dict[str, list[int]]]:
    """Run `program` under jit and the checker at threshold 16, as a program meets
    it; check it prints what it prints without jit, and return the executors of the
    functions `names` afterwards: {name: {offset: [entries, iterations]}}."""
    result = run([python, "-X", "optimizer=jit", "-X", "optimizer_check", "-c",
                  EXECUTORS_RUNNER, program, *names],
                 env={"PYTHONOPTIMIZERTHRESHOLD": "16",
                      "PLUGOPT_JIT_CACHE": str(tmp_path / "cache")})
    assert result.returncode == 0, output(result)
    assert result.stdout == run_plain(python, program)
    line, = [line for line in result.stderr.splitlines() if line.startswith(EXECUTORS_MARKER)]
    return json.loads(line[len(EXECUTORS_MARKER):])


@pytest.mark.parametrize("functions", ["0", "1"])
@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_output_as_without_optimizer(patched_python: Path, program_files: dict[str, Path],
                                          tmp_path: Path, name: str, functions: str) -> None:
    # With function units too (PLUGOPT_JIT_FUNCTIONS=1): at threshold 1 every
    # function the program and the runner call is a candidate.
    expected = run_plain(patched_python, program_files[name])
    stdout, stats, stderr = run_jit(patched_python, program_files[name], tmp_path / "cache",
                                    env={"PLUGOPT_JIT_FUNCTIONS": functions})
    assert stdout == expected
    assert stderr == ""
    assert stats["compiled"] >= 1, stats
    assert stats["iterations"] > 0, stats
    assert (stats["functions"] > 0) == (functions == "1"), stats


# Each program's functions whose loop jit compiles, with the fewest iterations
# their busiest executor must run compiled (None: declined, no executor), under
# the checker at threshold 16, the output (tracebacks' lines included) the same
# as without jit.
COMPILED_LOOPS = {
    # Loops longer than 255 code units: jumps with EXTENDED_ARG.
    "long_loops": {"run_for": 100, "run_while": 100},
    # run's loop makes four calls with keyword arguments, of a class and of
    # builtins; weigh_all's, which calls a Python function so, is declined.
    "keyword_calls": {"run": 200, "weigh_all": None},
    # flips' while loop (fannkuch's) and cuts' for loop make slices (odd_bounds'
    # Python calls, of Seen and Index, are too many for its short body).
    "slices": {"flips": 20, "cuts": 20},
    "strings": {"build": 600},
    "fstrings": {"render": 400},
    "try_in_loops": {"parse": 800},
    "dict_attributes": {"walk": 900, "walk_mixed": 900},
    # any_above's `return True` leaves the loop through the interpreter.
    "branches": {"any_above": 10000},
    # The loops around inner `while` loops (fannkuch_like's 15,120 rounds of
    # its `while 1:` count as iterations, its inner loops' too: it is
    # translated again once the path to its flips loop is taken). rare_inner's
    # inner loop, on a path its loop had not taken when compiled, is compiled
    # alone when taken, beside its loop's executor: its output is checked by
    # test_same_output_as_without_optimizer.
    "nested_loops": {"fannkuch_like": 50000, "grid": 1000, "divided": 1000},
    "container_iterators": {"weights": 1500, "pairs": 1000},
}


@pytest.mark.parametrize("program", sorted(COMPILED_LOOPS))
def test_loops_of_each_shape_are_compiled(patched_python: Path, program_files: dict[str, Path],
                                          tmp_path: Path, program: str) -> None:
    expected = COMPILED_LOOPS[program]
    found = executors_after(patched_python, program_files[program], sorted(expected),
                            tmp_path)
    for name, fewest in expected.items():
        if fewest is None:
            assert found[name] == {}, found
            continue
        assert max(iterations for _, iterations in found[name].values()) >= fewest, found


def test_loops_are_translated_again_for_paths_taken_later(patched_python: Path,
                                                          program_files: dict[str, Path],
                                                          tmp_path: Path) -> None:
    # total's loop is compiled while `v > limit` is never true; later it is
    # true for every other value. The first executor exits there every time;
    # after 64 such exits it is removed, and the loop compiled again, with the
    # path: the executor standing at the end runs whole calls (2,000
    # iterations) per entry. Without the second translation it would run
    # about two iterations per entry.
    found = executors_after(patched_python, program_files["late_paths"], ["total"], tmp_path)
    (entries, iterations), = found["total"].values()
    assert entries > 0 and iterations / entries > 1000, found


# Functions of nested_for_loops whose outermost loop holds inner `for` loops, and
# the fewest iterations (the inner loops' included) its executor must run compiled.
AROUND_INNER_FOR_LOOPS = {"table": 2000, "cube": 1500, "find": 2000, "in_while": 20000,
                          "failing": 1000}


def test_loops_around_inner_for_loops_are_compiled(patched_python: Path,
                                                   program_files: dict[str, Path],
                                                   tmp_path: Path) -> None:
    # Each outermost loop is compiled with its inner loops, whose iterators stay
    # in C variables; the output (freed objects' messages at each inner loop's
    # end, a traceback's line from two loops deep) is the same as without jit.
    program = program_files["nested_for_loops"]
    names = sorted(AROUND_INNER_FOR_LOOPS)
    found = executors_after(patched_python, program, names, tmp_path)
    # Each function's outermost loop head: the first target of a backward jump.
    heads = run([patched_python, "-c",
                 "import dis, sys\n"
                 "code = compile(open(sys.argv[1]).read(), sys.argv[1], 'exec')\n"
                 "functions = {c.co_name: c for c in code.co_consts if hasattr(c, 'co_name')}\n"
                 "for name in sys.argv[2:]:\n"
                 "    print(min(i.argval // 2 for i in dis.get_instructions(functions[name])"
                 " if 'BACKWARD' in i.opname))",
                 program, *names])
    for name, head in zip(names, heads.stdout.split()):
        entries, iterations = found[name].get(head, [0, 0])
        assert iterations >= AROUND_INNER_FOR_LOOPS[name], (name, head, found)


def test_loops_with_branches_are_compiled(patched_python: Path, program_files: dict[str, Path],
                                          tmp_path: Path) -> None:
    # classify, skip_odd, count_flags, nan_aware and first_big are translated:
    # most iterations run in compiled code.
    _, stats, _ = run_jit(patched_python, program_files["branches"], tmp_path / "cache")
    assert stats["compiled"] >= 5, stats
    assert stats["iterations"] > 30000, stats


def test_while_loops_are_compiled(patched_python: Path, program_files: dict[str, Path],
                                  tmp_path: Path) -> None:
    # halves, until, collatz, leading_true and nested's inner loop: of the about
    # 73,000 iterations of the four rounds, most in compiled code (halves and
    # leading_true are called too few times for 3.11 to quicken them: the VM
    # quickens them at their hotspot, and jit compiles them when asked again).
    _, stats, _ = run_jit(patched_python, program_files["while_loops"], tmp_path / "cache")
    assert stats["compiled"] >= 5, stats
    assert stats["iterations"] > 50000, stats


def test_loops_with_untaken_paths_are_compiled(patched_python: Path,
                                               program_files: dict[str, Path],
                                               tmp_path: Path) -> None:
    # walk's loop compiles while the path under `if config.tracing:` is not
    # taken (it holds an f-string: an exit there) and runs the first 18,000
    # iterations compiled. Then the path is taken 300 times, leaving compiled
    # code there; after 64 such exits the executor is removed and the loop
    # translated again, path included, when the VM next asks (within 256
    # iterations at threshold 16). The executor standing at the end is that
    # second one: it ran the last call's 6,000 iterations in one or two entries
    # (same output, checker silent).
    found = executors_after(patched_python, program_files["untaken_paths"], ["walk"], tmp_path)
    (entries, iterations), = found["walk"].values()
    assert 5000 < iterations < 18000 and entries <= 3, (entries, iterations)


def test_nbody_runs_in_compiled_code(patched_python: Path, program_files: dict[str, Path],
                                     tmp_path: Path) -> None:
    _, stats, _ = run_jit(patched_python, program_files["nbody_like"], tmp_path / "cache")
    # Both inner loops compile (and combinations' and the comprehension's);
    # nearly all of advance's 2000 * (10 + 5) iterations run compiled (the
    # first iterations run before the hotspot is compiled).
    assert stats["compiled"] >= 2, stats
    assert stats["iterations"] >= 29000, stats


def test_calls_are_inlined(patched_python: Path, program_files: dict[str, Path],
                           tmp_path: Path) -> None:
    _, stats, _ = run_jit(patched_python, program_files["inlined_calls"], tmp_path / "cache")
    # part_A_times_u's loop (enumerate, eval_A inlined) and table's loop
    # (floor_ops inlined) compile and run: 8 * 60 calls of 60 iterations.
    assert stats["compiled"] >= 2, stats
    assert stats["iterations"] >= 25000, stats


def test_methods_are_inlined(patched_python: Path, program_files: dict[str, Path],
                             tmp_path: Path) -> None:
    # At threshold 16, as a program meets it: run's loops calling normalize,
    # maximize, swap, take, dot and step run compiled with the methods inlined,
    # one executor entry a loop run (6 rounds) and all their iterations in it
    # (about 300 a loop run); count's loop is declined (count returns a
    # comparison's bool, which the inliner does not translate, and the loop is
    # too short for a Python call), absorb's too (zip).
    found = executors_after(patched_python, program_files["inlined_methods"], ["run", "make"],
                            tmp_path)
    assert len(found["run"]) >= 5, found
    for entries, iterations in found["run"].values():
        assert iterations > 1000 and entries < 40, found
    # make's loop, with S(...) and W(...) inlined (D(...), whose class has a
    # finalizer, is called), compiled once the specializer has settled.
    (entries, iterations), = found["make"].values()
    assert iterations > 300 and entries < 10, found


def test_and_or_not_are_inlined(patched_python: Path, program_files: dict[str, Path],
                                tmp_path: Path) -> None:
    # scan's loop, with blocked() and load() inlined (else its Python calls
    # would make it too short to compile) and fallback() called, runs its 2,000
    # iterations of the first five rounds in a few entries.
    found = executors_after(patched_python, program_files["short_circuits"], ["scan"], tmp_path)
    (entries, iterations), = found["scan"].values()
    assert iterations > 2000 and entries < 40, (entries, iterations)


def test_polymorphic_sites_stay_compiled(patched_python: Path, program_files: dict[str, Path],
                                         tmp_path: Path) -> None:
    # scan's loops (the inner one compiled alone while the outer one is not
    # hot yet, then the outer one with it), compiled while they saw only
    # Squares, then run their 4 * 30 * 60 iterations over Squares, Circles
    # and Measureds without leaving the compiled code: a few entries in all.
    # Exits for every Circle (a guard on Square's type) would make thousands.
    found = executors_after(patched_python, program_files["polymorphic"], ["scan", "scan_all"],
                            tmp_path)
    entries, iterations = max(found["scan"].values(), key=lambda counts: counts[1])
    assert iterations > 7000 and entries < 200, found
    # scan_all's exits (three kinds, 9 of the 69 objects) do not make it step aside.
    entries, iterations = max(found["scan_all"].values(), key=lambda counts: counts[1])
    assert iterations > 7000, found


def test_loops_with_calls_run_compiled(patched_python: Path, tmp_path: Path) -> None:
    # At threshold 16, as a program meets it. combine's loop makes its calls
    # (a method, a function) from the compiled code, so its one executor runs
    # nearly all of the 40 * 300 iterations, entered about once a call of
    # combine; first_hit's (tuple items, negation) and index_of's (a return
    # inside the loop) likewise.
    program = tmp_path / "object_loops.py"
    program.write_text(textwrap.dedent(OBJECT_LOOPS))
    executors = executors_after(patched_python, program,
                                ["combine", "first_hit", "collect", "index_of"], tmp_path)
    for name, iterations in (("combine", 11000), ("first_hit", 7000), ("index_of", 2500)):
        (entries, completed), = executors[name].values()
        assert completed > iterations and entries < 100, executors
    # collect's loop is too short for its Python call (BODY_PER_PYTHON_CALL).
    assert executors["collect"] == {}, executors


DEEP_RECURSION = """
        import sys
        import threading

        sys.setrecursionlimit(100_000)


        def walk(n):
            s = 0
            t = 0.0
            for i in range(4):
                t = t * 0.5 + i * 2.0 - 1.0
                t = t * 0.5 + i * 2.0 - 1.0
                if i == 1 and n:
                    s += walk(n - 1) + 1
            return s + int(t)


        def main():
            for _ in range(50):   # hot, and compiled, while the recursion is shallow
                walk(3)
            # A thread's 2 MB of C stack: stock 3.11 recurses 20,000 Python calls
            # deep in one evaluation loop; one C level a call took 0.8 KB or more.
            threading.stack_size(2 * 1024 * 1024)
            got = []
            thread = threading.Thread(target=lambda: got.append(walk(20_000)))
            thread.start()
            thread.join()
            print(got)


        main()
"""


def test_deep_recursion_through_compiled_loops_keeps_to_the_c_stack(
        patched_python: Path, tmp_path: Path) -> None:
    # walk's loop calls walk from compiled code, each call an evaluation loop
    # of its own: 20,000 levels of that overflowed the thread's C stack
    # (SIGSEGV) before compiled code left calls deeper than
    # PLUGOPT_C_CALL_DEPTH frames to the interpreter.
    program = tmp_path / "deep_recursion.py"
    program.write_text(textwrap.dedent(DEEP_RECURSION))
    out, stats, _ = run_jit(patched_python, program, tmp_path / "cache")
    assert out == run_plain(patched_python, program) == "[180008]\n"
    assert stats["compiled"] >= 1 and stats["iterations"] >= 20_000, stats


GENERIC_NAMES = ["attributes", "store_all", "lookups", "fill", "words", "membership", "bits",
                 "rows", "kinds"]


def test_generic_instructions_run_compiled(patched_python: Path, program_files: dict[str, Path],
                                           tmp_path: Path) -> None:
    # At threshold 16, as a program meets it: each loop of GENERIC_LOOPS waits
    # for the specializer once (NotYet), then compiles with what it left generic
    # made through the C API, and runs most of its iterations compiled (attributes'
    # owners are of four types, lookups' keys index a dict, words compares strs).
    found = executors_after(patched_python, program_files["generic_loops"], GENERIC_NAMES,
                            tmp_path)
    for name in GENERIC_NAMES:
        (entries, iterations), = found[name].values()
        assert iterations >= 40 and iterations > 2 * entries, (name, found)


def test_compiling_under_mocked_os_functions(patched_python: Path, tmp_path: Path) -> None:
    # CPython's test_getpass patches os.open and os.environ with mocks; a loop jit
    # compiled then had the cache's clean-up close the fd the mock returned (1:
    # the program's stdout). The cache takes its functions from posix, and its
    # variables and compiler settings once, when jit's modules are imported.
    program = tmp_path / "mocked.py"
    program.write_text(textwrap.dedent("""
        import sys
        from unittest import mock
        def total(n):
            x = 0.0
            for i in range(n):
                x = x + 1.5
            return x
        def product(n):
            x = 1.0
            for i in range(n):
                x = x * 1.0001
            return x
        print(total(20000))   # jit's modules imported
        with mock.patch("os.open") as fake_open, mock.patch("os.environ"):
            fake_open.return_value = 1
            print(round(product(20000), 3))
        import plugopt.jit as jit
        print(jit.stats()["compiled"])
    """))
    result = run([patched_python, "-X", "optimizer=jit", program],
                 env={"PLUGOPT_JIT_CACHE": str(tmp_path / "cache")})
    assert result.returncode == 0, output(result)
    assert result.stdout.split() == ["30000.0", "7.388", "2"], output(result)
    assert result.stderr == "", output(result)
    assert len(list((tmp_path / "cache").glob("*.so"))) == 2, output(result)


def test_no_encoding_warning_from_jit(patched_python: Path, program_files: dict[str, Path],
                                      tmp_path: Path) -> None:
    # A program run with -X warn_default_encoding and such warnings as errors:
    # importing the translator (it reads jit_runtime.h) and compiling into a new
    # cache entry (the C compiler's output) name their encodings.
    result = run([patched_python, "-X", "warn_default_encoding", "-W", "error::EncodingWarning",
                  "-X", "optimizer=jit", program_files["nbody_like"]],
                 env={"PYTHONOPTIMIZERTHRESHOLD": "16",
                      "PLUGOPT_JIT_CACHE": str(tmp_path / "cache")})
    assert result.returncode == 0, output(result)
    assert "EncodingWarning" not in result.stderr, output(result)
    assert cache_entries(tmp_path / "cache"), output(result)   # it did compile


def test_executor_steps_aside_when_guards_keep_failing(patched_python: Path,
                                                       tmp_path: Path) -> None:
    program = tmp_path / "ints.py"
    program.write_text(textwrap.dedent("""
        def total(rows):
            acc = 0.0
            for (a, b) in rows:
                acc = acc + a * b
            return acc
        import _optimizer
        import plugopt.jit as jit
        for _ in range(3):
            total([(1.5, 2.0)] * 10)       # compiled for floats
        disabled = jit.stats()["disabled"]
        for _ in range(200):
            r = total([(3, 4)] * 10)        # ints: the guard fails at once
        print(r)
        print(jit.stats()["disabled"] - disabled, len(_optimizer.get_executors(total.__code__)))
        compiled = jit.stats()["compiled"]
        for _ in range(200):
            r = total([(3, 4)] * 10)        # not compiled again: declined
        print(jit.stats()["compiled"] - compiled)
    """))
    stdout, stats, _ = run_jit(patched_python, program, tmp_path / "cache")
    # 120.0; one executor stepped aside and was removed; not compiled again.
    assert stdout.split() == ["120.0", "1", "0", "0"], stdout
    assert stats["disabled"] >= 1, stats


# At low thresholds, loops of start-up code (importlib's, functools') are
# compiled in whatever state the specializer left them, which depends on
# whether this run had to compile (running the compiler) or hit the cache:
# which of their paths ran, and so their sources and entries, differ from run
# to run. At 500 only the program's two loops are hot, so the cache tests see
# exact sets.
ONLY_THE_PROGRAM_HOT = {"PYTHONOPTIMIZERTHRESHOLD": "500"}


def cache_entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.so"))


def test_cache_is_private_and_reused(patched_python: Path, program_files: dict[str, Path],
                                     tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    run_jit(patched_python, program_files["nbody_like"], cache, env=ONLY_THE_PROGRAM_HOT)
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    entries = cache_entries(cache)
    assert len(entries) >= 2   # advance's two loops (and combinations' inner one)
    for entry in entries:
        assert stat.S_IMODE(entry.stat().st_mode) & 0o077 == 0
    mtimes = [entry.stat().st_mtime_ns for entry in entries]
    _, stats, _ = run_jit(patched_python, program_files["nbody_like"], cache, env=ONLY_THE_PROGRAM_HOT)
    assert stats["compiled"] == len(entries)
    assert [entry.stat().st_mtime_ns for entry in cache_entries(cache)] == mtimes


@pytest.mark.parametrize("damage", ["truncate", "flip"])
def test_damaged_entry_is_rebuilt_not_loaded(patched_python: Path, program_files: dict[str, Path],
                                             tmp_path: Path, damage: str) -> None:
    cache = tmp_path / "cache"
    expected, _, _ = run_jit(patched_python, program_files["nbody_like"], cache, env=ONLY_THE_PROGRAM_HOT)
    built = len(cache_entries(cache))
    for entry in cache_entries(cache):
        data = entry.read_bytes()
        if damage == "truncate":
            entry.write_bytes(data[: len(data) // 2])
        else:
            # Flip a byte in the middle: still loadable, but not what was built.
            middle = len(data) // 2
            entry.write_bytes(data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1:])
    stdout, stats, stderr = run_jit(patched_python, program_files["nbody_like"], cache,
                                    env=ONLY_THE_PROGRAM_HOT)
    assert stdout == expected and stderr == ""
    assert stats["compiled"] == built
    for entry in cache_entries(cache):
        recorded = entry.with_suffix(".blake2b").read_text().strip()
        import hashlib
        assert hashlib.blake2b(entry.read_bytes(), digest_size=32).hexdigest() == recorded


# One process checks an entry's bytes once: asked for it again, it compares what fstat
# says of the file with what it said at the check. The key of a source starting with the
# shared prefix (the runtime) is the one a hash of the whole source gives.
CACHE_IN_ONE_PROCESS = r"""
import os, sys, time
from plugopt import _jit_cache as cache
hashed = []
real_hash = cache._hash_fd
cache._hash_fd = lambda fd: hashed.append(fd) or real_hash(fd)

source = "/* runtime */ int f(void) { return 1; }\n"
cache.share_prefix("/* runtime */")
shared_key = cache._key(source, cache._COMMAND)
cache.share_prefix("")
assert shared_key == cache._key(source, cache._COMMAND)

path = cache.compile_and_open(source)
assert path is not None and len(hashed) == 1, hashed
assert cache.compile_and_open(source) == path and len(hashed) == 1, hashed

# Written over in place (the same inode, later times: past the clock's tick).
data = open(path, "rb").read()
time.sleep(0.05)
with open(path, "r+b") as file:
    file.seek(len(data) // 2)
    file.write(bytes([data[len(data) // 2] ^ 0xFF]))
assert cache._verified(path, path[:-3] + ".blake2b") is None and len(hashed) == 2

# Replaced by a copy of the good bytes under a temporary name: another inode.
with open(path + ".tmp", "wb") as file:
    file.write(data)
os.replace(path + ".tmp", path)
assert cache._verified(path, path[:-3] + ".blake2b") == path and len(hashed) == 3
assert cache._verified(path, path[:-3] + ".blake2b") == path and len(hashed) == 3
print("ok")
"""


def test_entry_is_hashed_once_per_process_unless_it_changed(patched_python: Path,
                                                             tmp_path: Path) -> None:
    result = run([patched_python, "-c", CACHE_IN_ONE_PROCESS],
                 env={"PLUGOPT_JIT_CACHE": str(tmp_path / "cache")})
    assert result.returncode == 0 and result.stdout == "ok\n", output(result)


def test_shared_cache_folder_is_refused(patched_python: Path, program_files: dict[str, Path],
                                        tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o755)
    os.chmod(cache, 0o755)
    expected = run_plain(patched_python, program_files["nbody_like"])
    stdout, stats, stderr = run_jit(patched_python, program_files["nbody_like"], cache)
    assert stdout == expected
    assert stats["compiled"] == 0 and stats["declined"] >= 1, stats
    assert stderr.count("plugopt.jit: not compiling loops:") == 1, stderr
    assert "mode 0700" in stderr
    assert not list(cache.iterdir())


def test_no_compiler_declines_and_says_so_once(patched_python: Path,
                                               program_files: dict[str, Path],
                                               tmp_path: Path) -> None:
    expected = run_plain(patched_python, program_files["nbody_like"])
    stdout, stats, stderr = run_jit(patched_python, program_files["nbody_like"],
                                    tmp_path / "cache",
                                    env={"PLUGOPT_JIT_CC": str(tmp_path / "no-such-cc")})
    assert stdout == expected
    assert stats["compiled"] == 0 and stats["declined"] >= 2, stats
    assert stderr.count("cannot run") == 1, stderr


INTERRUPTED_PROGRAM = """
    import signal
    import time

    class Timeout(Exception):
        pass

    def on_alarm(signum, frame):
        raise RAISED("the alarm")

    def work(n):
        t = 0.0
        for i in range(n):
            t += i * 0.5
        return t

    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, 0.1)
    # Five seconds of the hot loop: the alarm comes while it is compiled (in
    # the foreground) or while its build runs and jit polls it.
    deadline = time.monotonic() + 5
    try:
        while time.monotonic() < deadline:
            work(1000)
        print("not interrupted")
    except RAISED as error:
        print("interrupted:", error)
"""


@pytest.mark.parametrize("raised", ["KeyboardInterrupt", "Timeout"])
@pytest.mark.parametrize("background", ["0", "1"])
def test_interrupt_while_compiling_reaches_the_program(patched_python: Path, tmp_path: Path,
                                                       raised: str, background: str) -> None:
    # A signal (an alarm, whose handler raises Ctrl-C's KeyboardInterrupt or
    # the program's own exception) while jit waits for its C compiler (made
    # slow on purpose), or polls a build that runs in the background, is
    # handled in the program: not run inside jit's Python code, where what it
    # raised was reported as jit's error and lost, and the program, waiting
    # for it, looped forever.
    compiler = tmp_path / "slow-cc"
    compiler.write_text('#!/bin/sh\nsleep 1\nexec gcc "$@"\n')
    compiler.chmod(0o755)
    program = tmp_path / "interrupted.py"
    program.write_text(textwrap.dedent(INTERRUPTED_PROGRAM).replace("RAISED", raised))
    result = run([patched_python, "-X", "optimizer=jit", program],
                 env={"PLUGOPT_JIT_CACHE": str(tmp_path / "cache"), "PLUGOPT_JIT_CC": str(compiler),
                      "PLUGOPT_JIT_BACKGROUND": background, "PYTHONOPTIMIZERTHRESHOLD": "16"})
    assert result.returncode == 0, output(result)
    assert result.stdout == "interrupted: the alarm\n", output(result)
    assert raised not in result.stderr, output(result)


def test_compile_does_not_depend_on_the_programs_state(patched_python: Path,
                                                      tmp_path: Path) -> None:
    # A loop gets hot wherever the program is: with subprocess half imported
    # (CPython's regression suite at threshold 1 met that) or mocked (its
    # test_subprocess and test_webbrowser do), PATH changed, and a folder
    # named like the compiler in the working folder (test_subprocess made
    # one). The compiler is found on the PATH the process started with and
    # run through posix_spawn: the loop compiles, and nothing is said.
    program = textwrap.dedent("""
        import os, sys, types
        from unittest import mock
        from plugopt import _jit_cache
        os.makedirs("gcc/cc", exist_ok=True)
        os.chdir("gcc")
        sys.modules["subprocess"] = types.ModuleType("subprocess")   # half imported
        os.environ["PATH"] = ".:" + os.environ["PATH"]
        print(_jit_cache.compile_and_open("int plugopt_half;") is not None)
        import _posixsubprocess
        with mock.patch.object(_posixsubprocess, "fork_exec", side_effect=ValueError):
            print(_jit_cache.compile_and_open("int plugopt_other;") is not None)
    """)
    cwd = tmp_path / "work"
    cwd.mkdir()
    result = run([patched_python, "-c", program],
                 env={"PLUGOPT_JIT_CACHE": str(tmp_path / "cache")}, cwd=cwd)
    assert result.returncode == 0, output(result)
    assert result.stdout.split() == ["True", "True"], output(result)
    assert result.stderr == "", output(result)


def test_declined_loops_cost_little(patched_python: Path, tmp_path: Path) -> None:
    # A loop with an instruction the translator never handles (a set or dict
    # display, a function made) is declined in C, without asking the
    # translator; one it may handle but declines is
    # translated once, although the VM asks again after each backoff. (The
    # functions' entries are asked for, at offset 0: function units.)
    program = tmp_path / "declined.py"
    program.write_text(textwrap.dedent("""
        from plugopt import _jit_codegen
        asked, calls = [], []
        def counting(table, original):
            def wrapper(code, offset, *args, **kwargs):
                # NotYet (a form not specialized yet: asked too early, the VM
                # asks again) propagates uncounted.
                result = original(code, offset, *args, **kwargs)
                if offset != 0:   # a loop, not a function's entry
                    table.append(code.co_name)
                return result
            return wrapper
        _jit_codegen.translate = counting(asked, _jit_codegen.translate)
        _jit_codegen._translate = counting(calls, _jit_codegen._translate)

        def method_call(n):
            out = []
            for i in range(n):
                out.append({i})    # a set display (BUILD_SET)
            return len(out)

        def makes_function(n):
            for i in range(n):
                t = lambda: n      # MAKE_FUNCTION
            return t

        def mapping(n):
            for i in range(n):
                t = {i: 1}         # BUILD_MAP
            return t

        def choose(n):
            for i in range(n):
                t = 1 if i > 5 else 2   # a value on the stack at a join
            return t

        for _ in range(50):
            method_call(2000)
            makes_function(2000)
            mapping(2000)
            choose(2000)
        import _optimizer
        print(asked.count("method_call"), asked.count("makes_function"),
              asked.count("mapping"), asked.count("choose"),
              calls.count("choose"),
              sum(len(_optimizer.get_executors(f.__code__))
                  for f in (method_call, makes_function, mapping, choose)))
    """))
    stdout, stats, _ = run_jit(patched_python, program, tmp_path / "cache")
    method_asked, function_asked, map_asked, call_asked, call_translated, installed = \
        map(int, stdout.split())
    assert method_asked == function_asked == map_asked == 0, stdout
    # The translator declines choose's loop once and remembers it, although the
    # VM asks after each backoff (with a threshold of 1, rounds are too short
    # for the back edge to go cold). Translations that stopped at a form not
    # yet specialized (NotYet: asked too early) are not counted.
    assert call_asked > 100 and call_translated == 1, stdout
    # None of the four loops has an executor (loops of the runner, which runs
    # at threshold 1 too, may).
    assert installed == 0 and stats["declined"] >= 8, (stdout, stats)


HOT_FLOAT_LOOPS = """
    def add(n):
        x = 0.0
        for i in range(n):
            x = x + 1.5
        return x
    def mul(n):
        x = 1.0
        for i in range(n):
            x = x * 1.0001
        return x
"""


def test_translator_is_imported_at_the_first_hot_loop(patched_python: Path,
                                                       tmp_path: Path) -> None:
    # At start-up jit imports no Python code (the translator pulls in dis
    # and sysconfig); the first loop worth translating does. The default
    # threshold: no start-up loop gets that hot. Nor does it import re (which
    # imports enum: about 20 M instructions for a program that uses neither)
    # or shlex (which imports re), with a compiler command without quotes.
    program = tmp_path / "lazy.py"
    program.write_text(textwrap.dedent(HOT_FLOAT_LOOPS) + textwrap.dedent("""
        import sys
        import plugopt.jit as jit
        print(sorted(m for m in ("plugopt._jit_codegen", "plugopt._jit_cache", "dis")
                     if m in sys.modules))
        print(add(20000))
        print(sorted(m for m in ("plugopt._jit_codegen", "plugopt._jit_cache", "dis")
                     if m in sys.modules), jit.stats()["compiled"])
        print(sorted(m for m in ("_hashlib", "subprocess", "tempfile") if m in sys.modules))
        print(sorted(m for m in ("re", "enum", "shlex") if m in sys.modules))
    """))
    env = {"PLUGOPT_JIT_CACHE": str(tmp_path / "cache")}
    result = run([patched_python, "-X", "optimizer=jit", program], env=env)
    assert result.returncode == 0, output(result)
    assert result.stdout.splitlines() == [
        "[]", "30000.0", "['dis', 'plugopt._jit_cache', 'plugopt._jit_codegen'] 1",
        "[]", "[]"], output(result)   # the C compiler ran, through posix_spawn
    # With the entry in the cache too, neither subprocess nor OpenSSL (hashlib's
    # _hashlib) is loaded: the check uses the built-in _blake2.
    result = run([patched_python, "-X", "optimizer=jit", program], env=env)
    assert result.returncode == 0, output(result)
    assert result.stdout.splitlines()[3] == "[]", output(result)


def test_compiler_command_splits_as_the_shell_would(patched_python: Path,
                                                   tmp_path: Path) -> None:
    # $PLUGOPT_JIT_CC and sysconfig's flags are split as shlex.split splits
    # them; shlex (and re) only imported for a command that quotes.
    result = run([patched_python, "-c", textwrap.dedent(r"""
        import shlex, sys
        from plugopt import _jit_cache
        for text in ["gcc -pthread", "  cc\t-O2  ", "", "'my cc' -DX=\"a b\"", r"a\ b c"]:
            assert _jit_cache._split_command(text) == shlex.split(text), text
        print("same words")
    """)], env={"PLUGOPT_JIT_CACHE": str(tmp_path / "cache")})
    assert result.returncode == 0, output(result)
    assert result.stdout == "same words\n", output(result)


def test_translator_that_cannot_be_imported_is_reported_once(patched_python: Path,
                                                             tmp_path: Path) -> None:
    program = tmp_path / "broken.py"
    program.write_text(textwrap.dedent("""
        import sys
        sys.modules["plugopt._jit_codegen"] = None   # import fails from now on
    """) + textwrap.dedent(HOT_FLOAT_LOOPS) + textwrap.dedent("""
        print(add(20000), mul(20000) > 1)
        import plugopt.jit as jit
        stats = jit.stats()
        print(stats["compiled"], stats["declined"] >= 1)
    """))
    result = run([patched_python, "-X", "optimizer=jit", program],
                 env={"PLUGOPT_JIT_CACHE": str(tmp_path / "cache")})
    assert result.returncode == 0, output(result)
    assert result.stdout.split() == ["30000.0", "True", "0", "True"], output(result)
    assert result.stderr.count("plugopt.jit: cannot import its translator") == 1, output(result)


def test_failed_box_in_a_flush_exits_before_writing_the_frame(patched_python: Path,
                                                              tmp_path: Path) -> None:
    # Before `last = v` drops an object, the frame is made current: `acc`,
    # an unboxed float, is boxed into its slot. If that box fails (no
    # memory), no slot may have changed and the code must exit before the
    # STORE_FAST (where the interpreter raises MemoryError), not go on with
    # the slot stale and the local counted as clean.
    program = tmp_path / "flush.py"
    program.write_text(textwrap.dedent("""
        import dis
        from plugopt import _jit_codegen
        def f(vals):
            acc = 0.0
            for v in vals:
                acc = acc + v
                last = v
            return acc
        for _ in range(20):
            f([1.5] * 100)
        head = next(i.offset // 2 for i in dis.get_instructions(f) if i.opname == "FOR_ITER")
        print(_jit_codegen.translate(f.__code__, head, globals())[0])
    """))
    result = run([patched_python, program])
    assert result.returncode == 0, output(result)
    lines = [line.strip() for line in result.stdout.splitlines()]
    boxes = [n for n, line in enumerate(lines)
             if line.startswith("PyObject *new_") and "PyFloat_FromDouble" in line]
    assert boxes, result.stdout   # the loop does flush
    for n in boxes:
        # A float slot that only the frame references is written in place
        # (keep_*); any other gets a box, checked before any slot is written.
        name = lines[n].split()[1].lstrip("*")
        keep = lines[n].split("=")[1].split("?")[0].strip()
        assert keep.startswith("keep_"), lines[n]
        check = next(k for k in range(n + 1, len(lines)) if name in lines[k])
        assert lines[check].startswith(f"if ((!{keep} && {name} == NULL)"), lines[n:check + 1]
        store = next(k for k in range(check, len(lines)) if f"= {name};" in lines[k])
        assert lines[store].startswith(f"if ({keep}) {{ ((PyFloatObject *)L["), lines[store]
        failure_path = lines[check:store]
        assert any(line.startswith("PyExecutor_Frame_SetNextInstr(frame, ")
                   for line in failure_path), failure_path
        assert any(line.startswith("return ") for line in failure_path), failure_path


# One loop jit compiles (float arithmetic) and one it declines (a dict store).
TWO_LOOPS = textwrap.dedent("""
    import _optimizer, plugopt.jit as jit
    def numeric(n):
        x = 0.0
        for i in range(n):
            x = x * 0.5 + 1.0
        return x
    def with_set(n):
        d = {}
        for i in range(n):
            d[i] = {i}    # a set display, which jit declines
        return d
    for _ in range(3):
        numeric(20000)
        with_set(20000)
    print([(type(o).__name__, _optimizer.describe(o)["threshold"])
           for o in _optimizer.get_optimizers()])
    print(jit.stats()["compiled"], _optimizer.get_stats()["installed"])
""")


# counter's executors return at once (N = 0), so the interpreter runs the loop and
# counts its back edge: jit tiers up. stepper's run the numeric loop themselves, back
# edges included, so the interpreter never counts it again and jit is not asked
# (docs/api.md, "Several optimizers: tier-up").
@pytest.mark.parametrize("other, other_type, other_threshold, compiled, installed, tier_ups",
                         [("counter", "CounterOptimizer", 16, 1, 3, 1),
                          ("stepper", "StepperOptimizer", 32, 0, 2, 0)])
def test_beside_counter_or_stepper_jit_tiers_up(
        patched_python: Path, tmp_path: Path, other: str, other_type: str,
        other_threshold: int, compiled: int, installed: int, tier_ups: int) -> None:
    # jit's costs (2000, 0.35) put it first in benefit order, with a threshold of
    # 3077; counter's and stepper's run costs are above 1, so their thresholds are
    # 16 times their optimization costs. By default the other one takes both loops
    # long before jit is asked; the loops stay counted, and at 3077 jit replaces
    # the other's executor on the numeric loop (a tier-up) and declines the loop
    # with a set display, which the other one keeps. With one threshold for all, jit is
    # asked first and the other one takes only the loop jit declines.
    env = {"PLUGOPT_JIT_CACHE": str(tmp_path), "PLUGOPT_COUNTER_TOP": "0",
           "PYTHONOPTIMIZERCHECK": "1"}
    cmd = [patched_python, "-X", f"optimizer={other},jit", "-c",
           TWO_LOOPS + 'print(_optimizer.get_stats()["tier_ups"])\n']
    default = run(cmd, env=env)
    assert default.returncode == 0, output(default)
    assert default.stdout.splitlines() == [
        str([("JitOptimizer", 3077), (other_type, other_threshold)]),
        f"{compiled} {installed}", str(tier_ups)], output(default)
    equal = run(cmd, env=env | {"PYTHONOPTIMIZERTHRESHOLD": "50"})
    assert equal.returncode == 0, output(equal)
    assert equal.stdout.splitlines() == [
        str([("JitOptimizer", 50), (other_type, 50)]), "1 2", "0"], output(equal)


# A loop made hot in its first call, then called until its code is no longer
# waited for (or 60 s pass). Prints the results the calls returned (one, if
# all agree); jit's compiled and waiting counts after the first call; its
# compiled, waiting and disabled counts, and whether iterations ran compiled,
# at the end; and whether the program has a child process (the background
# compile must not be one).
BACKGROUND_PROGRAM = textwrap.dedent("""
    import os, sys, time
    import plugopt.jit as jit

    def total(n):
        acc = 0.0
        for i in range(n):
            acc += i * 0.5
        return acc

    results, first = set(), None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        results.add(total(20000))
        stats = jit.stats()
        if first is None:
            first = dict(stats)
        if stats["waiting"] == 0:
            break
    print(sorted(results))
    print(first["compiled"], first["waiting"])
    print(stats["compiled"], stats["waiting"], stats["disabled"], stats["iterations"] > 0)
    try:
        print(os.waitpid(-1, os.WNOHANG))
    except ChildProcessError:
        print("no child")
""")


def test_background_compile_runs_the_loop_meanwhile(patched_python: Path,
                                                    tmp_path: Path) -> None:
    # The first call finds the loop hot and its code not in the cache: the
    # compile starts in the background and the call runs on in the
    # interpreter; later calls run compiled, to the same result.
    program = tmp_path / "background.py"
    program.write_text(BACKGROUND_PROGRAM)
    cache = tmp_path / "cache"
    env = {"PLUGOPT_JIT_CACHE": str(cache), "PLUGOPT_JIT_BACKGROUND": "1"}
    result = run([patched_python, "-X", "optimizer=jit", program], env=env)
    assert result.returncode == 0, output(result)
    assert result.stdout.splitlines() == [
        "[99995000.0]", "0 1", "1 0 0 True", "no child"], output(result)
    assert result.stderr == "", output(result)
    assert len(cache_entries(cache)) == 1, output(result)
    assert not [p for p in cache.iterdir() if p.name.startswith(".build-")]
    # The next run finds the code in the cache: compiled at once.
    again = run([patched_python, "-X", "optimizer=jit", program], env=env)
    assert again.returncode == 0, output(again)
    assert again.stdout.splitlines()[1:3] == ["1 0", "1 0 0 True"], output(again)


def test_background_compile_that_fails_steps_aside(patched_python: Path,
                                                   tmp_path: Path) -> None:
    # A compiler that fails: said once on stderr, the loop's executor steps
    # aside, and the program's results are the interpreter's.
    program = tmp_path / "background.py"
    program.write_text(BACKGROUND_PROGRAM)
    env = {"PLUGOPT_JIT_CACHE": str(tmp_path / "cache"), "PLUGOPT_JIT_BACKGROUND": "1",
           "PLUGOPT_JIT_CC": "false"}
    result = run([patched_python, "-X", "optimizer=jit", program], env=env)
    assert result.returncode == 0, output(result)
    assert result.stdout.splitlines() == [
        "[99995000.0]", "0 1", "0 0 1 False", "no child"], output(result)
    assert result.stderr.count("/false failed on a generated loop") == 1, \
        output(result)
    assert not cache_entries(tmp_path / "cache"), output(result)


def test_background_compiles_outlive_the_program(patched_python: Path,
                                                  tmp_path: Path) -> None:
    # A program that exits while its loops' code is being compiled (one) or
    # waits its turn (two) leaves the compiles to a process that goes on: the
    # entries are in the cache for the next run.
    cache = tmp_path / "cache"
    program = textwrap.dedent("""
        import plugopt.jit as jit
        def total(n):
            acc = 0.0
            for i in range(n):
                acc += i * 0.5
            return acc
        def product(n):
            acc = 1.0
            for i in range(n):
                acc *= 1.00001
            return acc
        def count(n):
            acc = 0
            for i in range(n):
                acc += i & 3
            return acc
        print(total(20000), round(product(20000), 3), count(20000), jit.stats()["waiting"])
    """)
    result = run([patched_python, "-X", "optimizer=jit", "-c", program],
                 env={"PLUGOPT_JIT_CACHE": str(cache), "PLUGOPT_JIT_BACKGROUND": "1"})
    assert result.returncode == 0, output(result)
    assert result.stdout.split() == ["99995000.0", "1.221", "30000", "3"], output(result)
    assert result.stderr == "", output(result)
    def builds() -> list[Path]:
        return [p for p in cache.iterdir() if p.name.startswith(".build-")]
    deadline = time.monotonic() + 60
    while (len(cache_entries(cache)) < 3 or builds()) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(cache_entries(cache)) == 3
    assert not builds()
