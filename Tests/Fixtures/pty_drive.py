#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal and answers its prompts, as a person at a terminal would.

    pty_drive.py [--answer PROMPT TEXT]... -- COMMAND [ARGS...]

Each --answer waits until PROMPT has appeared in the output, then types TEXT (escapes: \\n, \\x03 for Ctrl-C).
Prints one JSON object: exit status (or signal), everything the terminal showed, and whether echo was
back on after the command ended (the terminal must be restored on every exit path).
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
while time.time() < deadline:
    ready, _, _ = select.select([master], [], [], 0.05)
    if ready:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            chunk = b""
        shown += chunk
    if pending and pending[0][0].encode() in shown:
        prompt, text = pending.pop(0)
        shown_before = len(shown)
        time.sleep(0.1)  # let the program switch the terminal mode after printing its prompt
        os.write(master, text.encode())
    done, raw = os.waitpid(pid, os.WNOHANG)
    if done:
        status = raw
        break

echo_restored = bool(termios.tcgetattr(master)[3] & termios.ECHO)
while True:
    ready, _, _ = select.select([master], [], [], 0.1)
    if not ready:
        break
    try:
        chunk = os.read(master, 4096)
    except OSError:
        break
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
    "unanswered": [prompt for prompt, _ in pending],
}
print(json.dumps(result))
