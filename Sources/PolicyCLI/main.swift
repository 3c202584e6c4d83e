import Platform

// A credential helper may exit without reading its stdin; the write must then fail, not kill policy.
Signals.ignoreBrokenPipe()
let status = Policy.run(Array(CommandLine.arguments.dropFirst()), raw: CurrentProcess.argumentBytes(), environment: .current(),
                        output: StandardStreams())
CurrentProcess.exit(status.rawValue)
