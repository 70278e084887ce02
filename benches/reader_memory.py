#!/usr/bin/env python3
"""Peak memory of the reader once it has shown everything: starts it in a pseudo-terminal
(200x60), waits until the whole corpus is on screen (the status line's "loaded N
documents", or the first whole frame for a corpus small enough to open whole), then reads
the process's peak resident set (VmHWM) before quitting. Prints it in kilobytes. With
`--search QUERY` it then searches QUERY in the prompt (so every document is searched) and
waits until the reader has been quiet for two seconds before reading the peak.
Usage: reader_memory.py [--search QUERY] BINARY [ARGS...]"""
import fcntl, os, pty, select, struct, sys, termios, time


def main(argv):
    query = None
    if argv[:1] == ["--search"]:
        query, argv = argv[1], argv[2:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 60, 200, 0, 0))
    seen, deadline = b"", time.monotonic() + 120

    def read_until(done, until):
        nonlocal seen
        while not done() and time.monotonic() < until:
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    seen += os.read(fd, 1 << 16)
                except OSError:
                    return

    # The first whole frame, then a second more for its status line to arrive: a large
    # corpus says there that the rest is loading, and then it is waited for.
    read_until(lambda: b"Topics" in seen and "┘".encode() in seen, deadline)
    read_until(lambda: False, min(deadline, time.monotonic() + 1))
    done = b"loading " not in seen or b"loaded " in seen
    read_until(lambda: b"loaded " in seen, deadline)
    done = b"loading " not in seen or b"loaded " in seen
    if not done:
        sys.exit("the reader did not show the whole corpus within 120 s")
    # Let the frame after the load settle (the search and layout it triggers).
    time.sleep(0.5)
    if query is not None:
        os.write(fd, b"/" + query.encode() + b"\r")
        # Done once nothing has been drawn for two seconds (a search draws as it goes).
        quiet = time.monotonic()
        while time.monotonic() < deadline and time.monotonic() - quiet < 2:
            before = len(seen)
            read_until(lambda: False, time.monotonic() + 0.2)
            if len(seen) != before:
                quiet = time.monotonic()
    with open(f"/proc/{pid}/status") as status:
        peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    print(peak)


main(sys.argv[1:])
