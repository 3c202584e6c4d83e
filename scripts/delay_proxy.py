#!/usr/bin/env python3
"""A TCP proxy that adds a round-trip time, for `make bench` (these kernels have no netem).

    delay_proxy.py DIR RTT_MS LIFETIME_SECONDS

Listens on a free port of 127.0.0.1 and writes it to DIR/port; forwards each connection to the
host:port read from DIR/target at that moment (so the port can be handed out, e.g. as a token realm,
before the server behind it is started). Every byte is held RTT/2 in each direction, in order, as a
link with that latency would; the first bytes a client sends are held one round trip longer, which is
what its TCP handshake would have cost. Each accepted connection appends a line ("accepted" and a
monotonic time) to DIR/connections. Exits after LIFETIME_SECONDS whatever happens, so it cannot outlive
the benchmark; the benchmark also starts it as the leader of its own process group and kills that group.
"""
import asyncio, os, socket, sys, time

DIR, RTT_MS, LIFETIME = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
ONE_WAY = RTT_MS / 2000


async def pump(reader, writer, first_extra):
    """Copies reader to writer, each chunk delivered ONE_WAY after it arrived (plus first_extra once)."""
    queue = asyncio.Queue()

    async def deliver():
        try:
            while True:
                due, data = await queue.get()
                delay = due - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
                if data is None:
                    if writer.can_write_eof():
                        writer.write_eof()
                    return
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            return

    delivering = asyncio.ensure_future(deliver())
    extra = first_extra
    try:
        while True:
            data = await reader.read(65536)
            queue.put_nowait((time.monotonic() + ONE_WAY + extra, data or None))
            extra = 0
            if not data:
                break
    except (ConnectionError, OSError):
        queue.put_nowait((time.monotonic(), None))
    await delivering


def no_delay(writer):
    sock = writer.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


async def handle(client_reader, client_writer):
    with open(os.path.join(DIR, "connections"), "a") as log:
        log.write(f"accepted {time.monotonic():.3f}\n")
    try:
        with open(os.path.join(DIR, "target")) as f:
            host, _, port = f.read().strip().rpartition(":")
        server_reader, server_writer = await asyncio.open_connection(host, int(port))
    except (OSError, ValueError) as error:
        print(f"delay_proxy: no upstream: {error}", file=sys.stderr)
        client_writer.close()
        return
    no_delay(client_writer)
    no_delay(server_writer)
    try:
        await asyncio.gather(pump(client_reader, server_writer, RTT_MS / 1000),
                             pump(server_reader, client_writer, 0))
    finally:
        for writer in (client_writer, server_writer):
            writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    with open(os.path.join(DIR, "port.tmp"), "w") as f:
        f.write(f"{port}\n")
    os.replace(os.path.join(DIR, "port.tmp"), os.path.join(DIR, "port"))
    async with server:
        try:
            await asyncio.wait_for(server.serve_forever(), LIFETIME)
        except asyncio.TimeoutError:
            print(f"delay_proxy: lifetime of {LIFETIME:.0f} s reached, exiting", file=sys.stderr)


asyncio.run(main())
