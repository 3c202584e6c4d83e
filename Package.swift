// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "policy",
    products: [
        .executable(name: "policy", targets: ["PolicyCLI"]),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "RegistryAuth", dependencies: ["CCurl"]),
        .target(name: "CredentialStore"),
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
