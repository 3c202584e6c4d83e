import Foundation
import Testing

/// Many logins at once into one config.json: every entry survives.
@Suite(.enabled(if: Tools.available("python3", "bash")))
struct ConcurrentLoginTests {
    static let count = 50

    @Test func fiftyConcurrentLoginsKeepFiftyEntries() throws {
        let registries = try BasicRegistries(count: Self.count, user: "demo", password: "many logins")
        let home = try TemporaryDirectory()
        try home.write("config.json", #"{"auths": {"seed.example": {"auth": "c2VlZDpzZWVk"}}, "keepMe": true}"#)
        let passwordFile = try home.write("password", "many logins\n")
        try home.write("servers", registries.servers.joined(separator: "\n") + "\n")
        // bash starts every login before any is waited for; each writes its exit status to its own file.
        let script = """
            i=0
            while read -r server; do
                ( "$1" login -s "$server" -u demo --password-stdin --plaintext -c "$2/config" < "$3" > "$2/out.$i" 2>&1
                  echo $? > "$2/rc.$i" ) &
                i=$((i + 1))
            done < "$2/servers"
            wait
            """
        try FileManager.default.createDirectory(atPath: home.file("config"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: home.file("config.json"), toPath: home.file("config/config.json"))
        let run = try ProcessRunner.run(
            "/bin/bash", ["-c", script, "bash", Paths.policyBinary, home.path, passwordFile], timeout: 240)
        #expect(run.exitCode == 0, "\(run.stderr)")
        for index in 0..<Self.count {
            let status = (try? String(contentsOfFile: home.file("rc.\(index)"), encoding: .utf8)) ?? "missing"
            let output = (try? String(contentsOfFile: home.file("out.\(index)"), encoding: .utf8)) ?? ""
            #expect(status == "0\n", "login \(index): \(output)")
        }
        let data = try home.read("config/config.json")
        let config = try ConfigJSON(data)
        let auths = config.root["auths"] as? [String: Any] ?? [:]
        #expect(auths.count == Self.count + 1)
        for server in registries.servers { #expect(config.auth(server) != nil, "\(server) lost") }
        #expect(config.auth("seed.example") == "c2VlZDpzZWVk")
        #expect(config.root["keepMe"] as? Bool == true)
        let left = try FileManager.default.contentsOfDirectory(atPath: home.file("config")).sorted()
        #expect(left == ["config.json", "config.json.lock"], "no temporary file is left behind")
    }
}
