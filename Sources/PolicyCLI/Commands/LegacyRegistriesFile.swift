import Platform

/// `~/.policy/policy-registries.yaml`, where policy before 0.2 kept plain-text passwords this version never reads.
enum LegacyRegistriesFile {
    static func path(in directory: String) -> String { directory + "/policy-registries.yaml" }
    static func exists(in directory: String) -> Bool { Paths.exists(path(in: directory)) }
}
