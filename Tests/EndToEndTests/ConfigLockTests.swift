import Foundation
import Testing

/// `config.json.lock` held by another process (here `flock`): `policy` says after about a second that it
/// waits, and gives up at `$POLICY_LOCK_TIMEOUT` with exit 5 naming the lock file, instead of waiting unseen.
@Suite(.enabled(if: Tools.available("python3", "flock")))
struct ConfigLockTests {
    static let user = "demo"
    static let password = "lock secret 42"

    /// Holds `<home>/config.json.lock` for `seconds` (or until the fixture is stopped) and returns once it is held.
    func holdLock(_ home: TemporaryDirectory, for seconds: String) throws -> FixtureProcess {
        let holder = try FixtureProcess(
            "/usr/bin/flock",
            [
                home.file("config.json.lock"), "/bin/sh", "-c",
                "touch \"$0\"; sleep \(seconds)", home.file("held")
            ],
            stdout: home.file("flock.out"), stderr: home.file("flock.err"))
        _ = try holder.waitForFile(home.file("held"), describing: "flock")
        return holder
    }

    func waitingLine(_ home: TemporaryDirectory) -> String {
        "Waiting for another policy process to finish with \(home.file("config.json.lock"))…"
    }

    @Test func aHeldLockIsAnnouncedAndGivenUpOnAtTheBound() throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        try home.write("config.json", #"{"auths": {}}"#)
        let holder = try holdLock(home, for: "60")
        defer { holder.stop() }
        let started = Date()
        let policy = try RunningPolicy(
            ["login", "-s", registries.servers[0], "-u", Self.user, "--password-stdin", "--plaintext", "-c", home.path],
            stdin: Self.password, environment: ["POLICY_LOCK_TIMEOUT": "5"])
        // The announcement (after about a second) comes while policy still waits, well before the bound (5 s).
        while policy.isRunning && !policy.stderr.contains(waitingLine(home)) { usleep(20_000) }
        #expect(
            policy.stderr.contains(waitingLine(home)) && policy.isRunning, "announced while waiting: \(policy.stderr)")
        let result = try policy.finish()
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.exitCode == 5, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "Gave up after 5 seconds waiting for another process to release '\(home.file("config.json.lock"))'"),
            "\(result.stderr)")
        #expect(result.stderr.contains("POLICY_LOCK_TIMEOUT"))
        #expect(result.stderr.components(separatedBy: waitingLine(home)).count == 2, "announced once: \(result.stderr)")
        #expect(elapsed >= 4.9 && elapsed < 30, "gave up after \(elapsed) s with POLICY_LOCK_TIMEOUT=5")
        #expect(try home.read("config.json") == Data(#"{"auths": {}}"#.utf8))
    }

    @Test func aLockReleasedWithinTheBoundIsTakenAndTheLoginSucceeds() throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        let holder = try holdLock(home, for: "2")
        defer { holder.stop() }
        let result = try PolicyBinary.run(
            ["login", "-s", registries.servers[0], "-u", Self.user, "--password-stdin", "--plaintext", "-c", home.path],
            stdin: Self.password)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.contains(waitingLine(home)), "\(result.stderr)")
        #expect(try ConfigJSON(home.read("config.json")).auth(registries.servers[0]) != nil)
    }

    @Test func anInvalidBoundIsAUsageError() throws {
        let home = try TemporaryDirectory()
        let result = try PolicyBinary.run(
            ["logout", "-s", "registry.example", "-c", home.path], environment: ["POLICY_LOCK_TIMEOUT": "0"])
        #expect(result.exitCode == 2)
        #expect(
            result.stderr.contains(
                "$POLICY_LOCK_TIMEOUT must be a whole number of seconds between 1 and 3600, not '0'"),
            "\(result.stderr)")
    }
}
