import Foundation
import Testing

/// Nothing a test starts outlives it: a fixture that fails to start on purpose leaves no process behind, a
/// program killed on timeout takes what it started with it, and each fixture's stop() ends all of it. Each
/// fixture marks its processes (`POLICY_TEST_FIXTURE`), which is how these tests find leftovers.
@Suite(.enabled(if: Tools.available("docker-registry", "curl", "openssl", "python3")))
struct FixtureCleanupTests {
    /// registry.sh starts the token service first, then the registry, which fails here (/bin/false): the
    /// start must fail fast and leave the token service (and everything else) stopped.
    @Test func aRegistryThatFailsToStartLeavesNothingRunning() throws {
        let started = Date()
        let marker = UUID().uuidString
        #expect(throws: FixtureError.self) {
            _ = try RegistryFixture(
                .token, user: "demo", password: "never", environment: ["REGISTRY_BINARY": "/bin/false"],
                marker: marker)
        }
        #expect(Date().timeIntervalSince(started) < 30, "a dead registry is noticed, not waited for")
        let left = Leftovers.remaining(marker: marker)
        #expect(left.isEmpty, "left running after a failed start: \(Leftovers.describe(left))")
    }

    /// ProcessRunner's timeout kills the program's whole process group, not just the program.
    @Test func aTimedOutProgramTakesItsBackgroundChildrenWithIt() throws {
        let marker = UUID().uuidString
        var environment = ProcessInfo.processInfo.environment
        environment[FixtureProcess.markerVariable] = marker
        #expect(throws: ProcessRunError.self) {
            try ProcessRunner.run("/bin/sh", ["-c", "sleep 300 & sleep 300"], environment: environment, timeout: 1)
        }
        let left = Leftovers.remaining(marker: marker)
        #expect(left.isEmpty, "left running after a timeout: \(Leftovers.describe(left))")
    }

    @Test func stoppedFixturesLeaveNothingRunning() throws {
        let registry = try RegistryFixture(.token, user: "demo", password: "pw")
        let hostile = try HostileServer(["silent", "status-500"])
        let basic = try BasicRegistries(count: 2, user: "demo", password: "pw")
        let markers = [registry.marker, hostile.marker, basic.process.marker]
        for marker in markers {
            #expect(!Leftovers.processes(marker: marker).isEmpty, "the fixture is found while it runs")
        }
        registry.stop()
        hostile.stop()
        basic.stop()
        for marker in markers {
            let left = Leftovers.remaining(marker: marker)
            #expect(left.isEmpty, "left running after stop(): \(Leftovers.describe(left))")
        }
    }
}
