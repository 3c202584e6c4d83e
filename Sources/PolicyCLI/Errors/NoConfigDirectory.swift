/// Neither `-c`, `$POLICY_CONFIG_DIR` nor a home directory says where config.json lives (exit 5).
struct NoConfigDirectory: ReportableError {
    var exitCode: ExitCode { .storage }
    var sentence: String {
        "Cannot tell where to keep credentials: HOME is unset and the user has no home directory; pass --config DIR or set POLICY_CONFIG_DIR."
    }
}
