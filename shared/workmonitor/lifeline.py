"""Child processes that die with their parent: `make run`'s worker and gateway, a worker's work horses.

On Linux the kernel sends the child a signal when its parent exits, however it exits (kill -9 included), through
prctl(PR_SET_PDEATHSIG). Elsewhere this is a no-op and the pid file of infra/local/run.py is the fallback.
The signal follows the parent *thread* that forked the child: fork from a thread that lives as long as the process.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int, sig: int = signal.SIGTERM) -> None:
    """In a freshly forked child: get `sig` when the parent exits; exit now if it already has."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0)
    if os.getppid() != parent_pid:  # the parent died before prctl: nobody will signal us
        os.kill(os.getpid(), sig)


def children_die_with_me(sig: int = signal.SIGKILL) -> None:
    """Make every child this process forks from now on (work horses, rq's scheduler) die with it."""
    me = os.getpid()
    os.register_at_fork(after_in_child=lambda: die_with_parent(me, sig) if os.getppid() == me else None)
