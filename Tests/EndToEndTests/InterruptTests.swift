import Foundation
import Testing

/// `policy` interrupted while a credential helper stores (Ctrl-C, `timeout`'s SIGTERM): the helper's whole
/// process group ends with it, so the secret is never stored after `policy` reported the interruption, and no
/// process it started is left running.
@Suite(.enabled(if: Tools.available("python3")))
struct InterruptTests {
    static let user = "robot"
    static let password = "interrupted secret 42"

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aSignalMidStoreEndsTheHelperAndNothingIsStoredLater(_ signal: Int32) throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let server = registries.servers[0]
        let helper = try ScriptedHelper(mode: "slow-store")
        let home = try TemporaryDirectory()
        try home.write("config.json", #"{"credsStore": "scripted"}"#)
        // Everything this login starts inherits the marker, so whatever is left of it can be found and stopped.
        let marker = "interrupt-\(UUID().uuidString)"
        defer { for pid in Leftovers.processes(marker: marker) { kill(pid, SIGKILL) } }
        let policy = try RunningPolicy(
            ["login", "-s", server, "-u", Self.user, "--password-stdin", "--plaintext", "-c", home.path],
            stdin: Self.password,
            environment: helper.environment.merging([FixtureProcess.markerVariable: marker]) { $1 })
        try #require(
            waitForFile(helper.directory.file("store-started"), within: 30),
            "the helper's store began: \(policy.stderr)")
        let storeStarted = Date()
        policy.send(signal)
        let result = try policy.finish()
        #expect(result.exitCode == 128 + signal, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.contains(Self.password))
        let leftAtExit = Leftovers.remaining(marker: marker, within: 0.5)
        #expect(leftAtExit.isEmpty, "running after policy ended: \(Leftovers.describe(leftAtExit))")
        // The helper would store 2 s after it began, its child write 2 s after it started: wait past both.
        let pastTheHelpersSleep = storeStarted.addingTimeInterval(3)
        while Date() < pastTheHelpersSleep { usleep(50_000) }
        #expect(
            !FileManager.default.fileExists(atPath: helper.directory.file("stored")),
            "the helper stored after policy ended")
        #expect(
            !FileManager.default.fileExists(atPath: helper.directory.file("late-child")),
            "the helper's child outlived policy")
        let left = Leftovers.processes(marker: marker)
        #expect(left.isEmpty, "left running: \(Leftovers.describe(left))")
        #expect(
            try home.read("config.json") == Data(#"{"credsStore": "scripted"}"#.utf8), "config.json records nothing")
    }
}
