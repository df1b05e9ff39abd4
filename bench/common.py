"""Helpers shared by the bench scripts: gensim's test data, a sentence splitter, and a way
to tell whether something else was using the CPU during a measurement."""
import os
import re
import sys
import time


def gensim_data_dir():
    import gensim
    return os.path.join(os.path.dirname(gensim.__file__), "test", "test_data")


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    import platform
    return platform.machine()


SENT_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
ABBREV = re.compile(r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|etc|e\.g|i\.e|c|ca|No|Gen|Col|Lt|U\.S|U\.K)\.$")


def sentences(text):
    """Simple rule-based splitter (no NLTK data is needed): split after . ! ? followed by
    whitespace and a capital/digit, except after common abbreviations and initials.
    Newlines always end a sentence."""
    out = []
    for para in text.split("\n"):
        start = 0
        for m in SENT_END.finditer(para):
            cand = para[start:m.start()].strip()
            if ABBREV.search(cand):
                continue
            if cand:
                out.append(cand)
            start = m.end()
        tail = para[start:].strip()
        if tail:
            out.append(tail)
    return out


# --- CPU contention -------------------------------------------------------------------
# On a 2-core machine anything else running (a cargo build) halves the numbers, and with
# 2 OpenMP threads it can be far worse than that: a thread that is descheduled stalls the
# other at every barrier. So each measurement records how many cores *other* processes
# used meanwhile (system-wide busy time from /proc/stat minus this process's CPU time).

def _system_busy_s():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    # user nice system idle iowait irq softirq steal ...
    return (v[0] + v[1] + v[2] + v[5] + v[6] + (v[7] if len(v) > 7 else 0)) / os.sysconf("SC_CLK_TCK")


def _own_cpu_s():
    t = os.times()
    return t.user + t.system


class CpuMeter:
    """with CpuMeter() as m: ...  then m.seconds, m.others_cores (average cores used by
    other processes during the block; None where /proc/stat is not readable)."""

    def __enter__(self):
        try:
            self._busy = _system_busy_s()
        except OSError:
            self._busy = None
        self._own = _own_cpu_s()
        self._t = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self._t
        self.others_cores = None
        if self._busy is not None:
            others = (_system_busy_s() - self._busy) - (_own_cpu_s() - self._own)
            self.others_cores = round(max(0.0, others) / max(self.seconds, 1e-9), 2)
        return False


def wait_idle(max_wait_s, threshold_cores=0.15, window_s=5.0):
    """Wait (at most max_wait_s) until other processes use less than threshold_cores over a
    window. Returns the last measured load of other processes, in cores."""
    if max_wait_s <= 0:
        return None
    deadline = time.monotonic() + max_wait_s
    said = False
    while True:
        with CpuMeter() as m:
            time.sleep(window_s)
        if m.others_cores is None or m.others_cores < threshold_cores:
            return m.others_cores
        if time.monotonic() > deadline:
            print(f"warning: still busy after {max_wait_s:.0f}s ({m.others_cores} cores used by "
                  "other processes); measuring anyway", file=sys.stderr)
            return m.others_cores
        if not said:
            print(f"waiting for the CPU to be idle ({m.others_cores} cores used by other "
                  f"processes; up to {max_wait_s:.0f}s)...", file=sys.stderr)
            said = True
