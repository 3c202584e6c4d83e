// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "policy",
    products: [
        .executable(name: "policy", targets: ["PolicyCLI"]),
    ],
    dependencies: [
        // Credential-helper processes. `traits: []` leaves out its Foundation support, keeping the binary small.
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2", traits: []),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "RegistryAuth", dependencies: ["CCurl"]),
        .target(
            name: "CredentialStore",
            dependencies: [.product(name: "Subprocess", package: "swift-subprocess")]
        ),
        .executableTarget(
            name: "PolicyCLI",
            dependencies: ["RegistryAuth", "CredentialStore"]
        ),
        .testTarget(name: "RegistryAuthTests", dependencies: ["RegistryAuth"]),
        .testTarget(name: "CredentialStoreTests", dependencies: ["CredentialStore"]),
        .testTarget(name: "PolicyCLITests", dependencies: ["PolicyCLI"]),
        .testTarget(name: "EndToEndTests", dependencies: []),
    ]
)
