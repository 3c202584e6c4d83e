/// The arguments could not be found: `/proc` is not mounted and the environment was replaced before `main`
/// (exit 1). Said instead of running with none, which would act on a command line nobody typed.
struct ArgumentsUnreadable: ReportableError {
    var exitCode: ExitCode { .unexpected }
    var sentence: String {
        "Cannot read the command-line arguments: /proc is not mounted here, and the Swift runtime finds them through it; mount it (mount -t proc proc /proc) and run policy again."
    }
}
