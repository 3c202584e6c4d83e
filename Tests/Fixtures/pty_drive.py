#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal and answers its prompts, as a person at a terminal would.

    pty_drive.py [--answer PROMPT TEXT]... -- COMMAND [ARGS...]

Each --answer waits until PROMPT has appeared in the output, then types TEXT (escapes: \\n, \\x03 for Ctrl-C),
then keeps reading what the terminal shows for a moment before the next answer: an echo must be read
before a later Ctrl-C, which flushes the terminal's queued output. Two answers to the same prompt type in
two steps (e.g. "half", then "\\x03").
Prints one JSON object: exit status (or signal), everything the terminal showed, whether echo was on at
each answer (the moment it was typed), and whether echo was back on after the command ended (the
terminal must be restored on every exit path).
"""
import json, os, pty, select, sys, termios, time

args = sys.argv[1:]
answers = []
while args and args[0] == "--answer":
    answers.append((args[1], args[2].encode().decode("unicode_escape")))
    args = args[3:]
command = args[1:] if args and args[0] == "--" else args

pid, master = pty.fork()
if pid == 0:
    os.execv(command[0], command)

shown = b""
deadline = time.time() + 20
pending = list(answers)
status = None
echo_at_answers = []


def read_some(wait):
    """What the terminal shows within `wait` seconds: bytes, b"" when nothing came, None when it hung up."""
    ready, _, _ = select.select([master], [], [], wait)
    if not ready:
        return b""
    try:
        return os.read(master, 4096) or None
    except OSError:
        return None


def drain(seconds):
    global shown
    until = time.time() + seconds
    while time.time() < until:
        chunk = read_some(0.02)
        if chunk is None:
            return
        shown += chunk


while time.time() < deadline:
    shown += read_some(0.05) or b""
    if pending and pending[0][0].encode() in shown:
        prompt, text = pending.pop(0)
        time.sleep(0.1)  # let the program switch the terminal mode after printing its prompt
        echo_at_answers.append(bool(termios.tcgetattr(master)[3] & termios.ECHO))
        os.write(master, text.encode())
        drain(0.3)  # whatever the terminal echoes is read now, before a later ^C could flush it
    done, raw = os.waitpid(pid, os.WNOHANG)
    if done:
        status = raw
        break

echo_restored = bool(termios.tcgetattr(master)[3] & termios.ECHO)
while True:
    chunk = read_some(0.1)
    if not chunk:
        break
    shown += chunk
if status is None:
    os.kill(pid, 9)
    os.waitpid(pid, 0)
result = {
    "exit": os.waitstatus_to_exitcode(status) if status is not None else None,
    "output": shown.decode(errors="replace"),
    "echo_restored": echo_restored,
    "echo_at_answers": echo_at_answers,
    "unanswered": [prompt for prompt, _ in pending],
}
print(json.dumps(result))
