#!/usr/bin/env python3
"""The longest wait from a key (or a resize) to the reader's answer, while doing each step
of a script, in a pseudo-terminal (200x60): how long the screen freezes. The answer is the
first output after the key, or with `STEP:TEXT` the first output holding TEXT (the corpus
made here ends with `ZQJW`, letters its prose lacks, so a frame that shows the end writes
them together). Before each key the reader is left to go quiet (its background work done,
or silent), so a key waits only for what it sets off, or for the slice of work under way;
a step marked `!` waits only for 30 ms of quiet (half a second at most): its keys come while
the background work of the step before goes on. A first step marked `^` is typed ahead,
before the first frame, and timed from it. Prints, for each step, the median over RUNS
runs of its longest wait in milliseconds, and the reader's peak resident memory.

Usage:
  longest_frame.py make DIR MB EVERY [letters]
                        a corpus of MB megabytes of prose in one document, a line break every
                        EVERY sentences (0: one line); or of letters with no ASCII and no
                        space (wide and narrow ones), on one line
  longest_frame.py RUNS BINARY ARGS... -- STEP...
Steps: keys as typed (`G`, `gg`, `/a`), each key timed; `KEYS*N` the keys N times;
`esc`, `enter`; `size=COLSxROWS` a resize; `!STEP`, `^STEP`, `STEP:TEXT` (above)."""
import os, select, statistics, sys, time

from first_frame import first_frame, resize, start, stop

NAMED = {"esc": "\x1b", "enter": "\r"}

SENTENCES = [
    "Thủ tướng Phạm Minh Chính chủ trì hội nghị về ngoại giao kinh tế.",
    "Tăng trưởng kinh tế từ 8,3-8,5% trong năm 2025 là mục tiêu đề ra.",
    "Khai thác hiệu quả 17 hiệp định thương mại tự do (FTA) đã ký kết.",
    "Kim ngạch xuất khẩu đạt kỷ lục, thu hút đầu tư nước ngoài tăng mạnh.",
]


def make(root, mb, every, kind):
    os.makedirs(os.path.join(root, "seeds"), exist_ok=True)
    os.makedirs(os.path.join(root, "briefs"), exist_ok=True)
    unit = "".join(
        s + ("\n" if every and (n + 1) % every == 0 else " ")
        for n, s in enumerate(SENTENCES * max(every, 1))
    ).encode()
    if kind == "letters":
        unit = "越南ạồ人民ếữ共和國".encode()
    with open(os.path.join(root, "seeds", "big.txt"), "wb") as f:
        f.write(unit * (mb * (1 << 20) // len(unit) + 1))
        f.write(b"ZQJW\n")
    with open(os.path.join(root, "briefs", "b.yaml"), "w") as f:
        f.write("title: B\ndocuments:\n  - id: big\n    file: big.txt\n    lang: vi\n")


def quiet(fd, still=0.15, cap=120):
    """Reads until nothing comes for `still` seconds (at most `cap`)."""
    end = time.perf_counter() + cap
    while time.perf_counter() < end:
        ready, _, _ = select.select([fd], [], [], still)
        if not ready:
            return
        os.read(fd, 1 << 16)


def answer(fd, act, hurry, text):
    """The seconds from `act` to the reader's answer (see the module), once it is quiet
    (for a short while only, if `hurry`)."""
    quiet(fd, *((0.03, 0.5) if hurry else ()))
    begun = time.perf_counter()
    act()
    return answered(fd, text) - begun


def answered(fd, text, seen=b""):
    """When output (holding `text`, if any, with what was `seen` before) came."""
    while not text or text not in seen:
        ready, _, _ = select.select([fd], [], [], 60)
        if not ready:
            sys.exit("no answer within 60 s")
        seen += os.read(fd, 1 << 16)
        if not text:
            break
    return time.perf_counter()


def keys(step):
    return NAMED.get(step, step)


def actions(fd, step):
    """What `step` (marks and text aside) does, one timed act at a time."""
    if step.startswith("size="):
        cols, rows = map(int, step[5:].split("x"))
        return [lambda: resize(fd, cols, rows)]
    body, _, times = step.partition("*")
    send = lambda c: (lambda: os.write(fd, c.encode()))
    return [send(c) for c in keys(body)] * int(times or 1)


def run(argv, steps):
    pid, fd, _ = start(argv)
    ahead = steps[0][1:].partition(":") if steps and steps[0].startswith("^") else None
    if ahead:
        os.write(fd, keys(ahead[0]).encode())
    came = first_frame(fd, 60)
    if came is None:
        sys.exit("no first frame")
    longest = [answered(fd, ahead[2].encode(), came[1]) - came[0]] if ahead else []
    for step in steps[1 if ahead else 0 :]:
        body, _, text = step.lstrip("!").partition(":")
        waits = [answer(fd, act, step.startswith("!"), text.encode()) for act in actions(fd, body)]
        longest.append(max(waits))
    quiet(fd)
    return longest, stop(pid, fd)


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), (sys.argv[5:] or ["prose"])[0])
        sys.exit()
    cut = sys.argv.index("--")
    runs, argv, steps = int(sys.argv[1]), sys.argv[2:cut], sys.argv[cut + 1 :]
    results = [run(argv, steps) for _ in range(runs)]
    for i, step in enumerate(steps):
        waits = [r[0][i] * 1000 for r in results]
        print(f"{step:>16}  {statistics.median(waits):9.1f} ms  (of {', '.join(f'{w:.0f}' for w in waits)})")
    peaks = [r[1] for r in results]
    print(f"peak RSS {statistics.median(peaks):.0f} MB  (of {', '.join(f'{m:.0f}' for m in peaks)})")
