#!/usr/bin/env python3
"""Time from starting the reader in a pseudo-terminal (200x60) to its first whole frame on
screen, as a person sees it: process start, load, anchor, lay out, draw. Prints the median
of RUNS runs in milliseconds. Usage: first_frame.py RUNS BINARY [ARGS...]"""
import fcntl, os, pty, select, statistics, struct, sys, termios, time


def once(argv):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 60, 200, 0, 0))
    seen, took = b"", None
    while took is None:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            break
        try:
            seen += os.read(fd, 1 << 16)
        except OSError:
            break
        # A whole frame: the navigator's title and the last corner of the panes.
        if b"Topics" in seen and "┘".encode() in seen:
            took = time.perf_counter() - start
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    if took is None:
        sys.exit("the reader drew no frame within 10 s")
    return took


runs = int(sys.argv[1])
times = [once(sys.argv[2:]) for _ in range(runs)]
print(f"{statistics.median(times) * 1000:.1f}")
