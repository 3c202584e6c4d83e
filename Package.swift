// swift-tools-version: 6.2
import PackageDescription

/// Our own targets build with warnings as errors; dependencies keep their own settings.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "policy",
    products: [
        .executable(name: "policy", targets: ["PolicyCLI"])
    ],
    dependencies: [
        // Credential-helper processes. `traits: []` leaves out its Foundation support, keeping the binary small.
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2", traits: [])
    ],
    targets: [
        // Every call into the C library (Glibc, Musl, Darwin): files, locks, terminal, signals, environment,
        // threads, time. No other target imports the C library; a port to another system changes this one.
        .target(name: "Platform", swiftSettings: strict),
        // What both libraries need and neither owns: JSON, base64, the display-text cleaner, the credentials type.
        .target(name: "PolicyBase", swiftSettings: strict),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "RegistryAuth", dependencies: ["CCurl", "PolicyBase", "Platform"], swiftSettings: strict),
        .target(
            name: "CredentialStore",
            dependencies: ["PolicyBase", "Platform", .product(name: "Subprocess", package: "swift-subprocess")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "PolicyCLI",
            dependencies: ["PolicyBase", "Platform", "RegistryAuth", "CredentialStore"],
            swiftSettings: strict
        ),
        .testTarget(name: "PlatformTests", dependencies: ["Platform"], swiftSettings: strict),
        .testTarget(name: "PolicyBaseTests", dependencies: ["PolicyBase"], swiftSettings: strict),
        .testTarget(name: "RegistryAuthTests", dependencies: ["RegistryAuth", "PolicyBase"], swiftSettings: strict),
        .testTarget(
            name: "CredentialStoreTests", dependencies: ["CredentialStore", "PolicyBase"], swiftSettings: strict),
        .testTarget(name: "PolicyCLITests", dependencies: ["PolicyCLI", "Platform"], swiftSettings: strict),
        .testTarget(name: "EndToEndTests", dependencies: [], swiftSettings: strict)
    ]
)
