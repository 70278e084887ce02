#!/usr/bin/env python3
"""Time from starting the reader in a pseudo-terminal (200x60) to its first whole frame on
screen, as a person sees it: process start, load, anchor, lay out, draw. Prints the median
of RUNS runs in milliseconds. Usage: first_frame.py RUNS BINARY [ARGS...]"""
import fcntl, os, pty, select, statistics, struct, sys, termios, time


def start(argv, cols=200, rows=60):
    """The reader started on `argv` in a pseudo-terminal: (pid, fd, the time it began)."""
    begun = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(argv[0], argv)
    resize(fd, cols, rows)
    return pid, fd, begun


def resize(fd, cols, rows):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def first_frame(fd, timeout=10):
    """Reads until a whole frame is on screen (the navigator's title and the last corner
    of the panes); the time it came and the output so far, or None."""
    seen = b""
    while True:
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return None
        try:
            seen += os.read(fd, 1 << 16)
        except OSError:
            return None
        if b"Topics" in seen and "┘".encode() in seen:
            return time.perf_counter(), seen


def stop(pid, fd):
    """Quits the reader; its peak resident memory in MB."""
    os.write(fd, b"q")
    _, _, usage = os.wait4(pid, 0)
    return usage.ru_maxrss / 1024


def once(argv):
    pid, fd, begun = start(argv)
    came = first_frame(fd)
    stop(pid, fd)
    if came is None:
        sys.exit("the reader drew no frame within 10 s")
    return came[0] - begun


if __name__ == "__main__":
    runs = int(sys.argv[1])
    times = [once(sys.argv[2:]) for _ in range(runs)]
    print(f"{statistics.median(times) * 1000:.1f}")
