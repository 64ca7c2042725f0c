#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal and plays a script of keys to it, the way a person at a
terminal would: wait until some text is shown, then type. For tests/cli/triage_test.cc.

Usage: drive_tty.py TRANSCRIPT STEPS_JSON -- COMMAND [ARG...]
STEPS_JSON is a list of ["wait", TEXT] (wait until TEXT appears in the output after the
previous wait's match) and ["send", TEXT]. The whole output is written to TRANSCRIPT. Exit
status: the command's, or 124 when a wait timed out or the command did not end (the
transcript then ends with a line saying which).
"""
import json
import os
import pty
import select
import sys
import time

TIMEOUT = 30.0


def main():
    transcript_path, steps = sys.argv[1], json.loads(sys.argv[2])
    command = sys.argv[sys.argv.index("--") + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm"
        os.execvp(command[0], command)
    output = b""
    seen = 0  # waits look only after the previous match

    def pump(deadline):
        nonlocal output
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            ready, _, _ = select.select([fd], [], [], min(left, 0.1))
            if not ready:
                return True
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: the child closed the terminal
                return None
            if not chunk:
                return None
            output += chunk
            return True

    failure = None
    for kind, text in steps:
        if kind == "send":
            os.write(fd, text.encode("utf-8"))
            continue
        wanted = text.encode("utf-8")
        deadline = time.monotonic() + TIMEOUT
        while output.find(wanted, seen) < 0:
            if not pump(deadline):
                failure = "timed out waiting for %r" % text
                break
        if failure:
            break
        seen = output.find(wanted, seen) + len(wanted)
    deadline = time.monotonic() + (1 if failure else TIMEOUT)
    while not failure and pump(deadline) is not None:
        if time.monotonic() > deadline:
            failure = "the command did not end"
            break
    status = 124
    if failure:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        output += ("\n[drive_tty: %s]\n" % failure).encode()
    else:
        _, raw = os.waitpid(pid, 0)
        status = os.waitstatus_to_exitcode(raw)
        if status < 0:
            status = 128 - status
    with open(transcript_path, "wb") as f:
        f.write(output)
    return status


if __name__ == "__main__":
    sys.exit(main())
