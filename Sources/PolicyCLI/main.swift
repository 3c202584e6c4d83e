import Platform

// Before any file is opened: a closed stdout (`policy >&-`) must stay a descriptor that fails, not become config.json.
FileDescriptor.reserveStandardDescriptors()
// A credential helper may exit without reading its stdin; the write must then fail, not kill policy.
Signals.ignoreBrokenPipe()
// Ctrl-C, `timeout`'s SIGTERM, a closed terminal: a running credential helper's process group goes first.
Signals.installTerminationHandlers()
let streams = StandardStreams()
let status = Policy.run(systemArguments: CurrentProcess.argumentBytes(), environment: .current(), output: streams)
// Whoever read stdout went away (`policy status --json | head -1`): end as quietly as SIGPIPE would have.
if streams.standardOutputPipeClosed { Signals.endByBrokenPipe() }
CurrentProcess.exit(status.rawValue)
