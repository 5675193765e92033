// swift-tools-version:6.0
import Foundation
import PackageDescription

// CI builds treat warnings as errors in Passerelle's own targets.
let strictness: [SwiftSetting] =
  ProcessInfo.processInfo.environment["CI"] == nil ? [] : [.unsafeFlags(["-warnings-as-errors"])]

// Release builds skip the run-time exclusivity checks, measured at about a tenth of
// the conversion time (every parser callback touches the row buffer's properties).
let speed: [SwiftSetting] = [
  .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
]

let package = Package(
  name: "passerelle",
  platforms: [.macOS(.v13)],
  products: [
    // The library is every layer: the fuzz package reaches the readers through it.
    .library(
      name: "PasserelleKit",
      targets: [
        "PasserelleCore", "PasserelleReading", "SageToSalesManagement", "SalesManagementToSage",
        "PasserelleOutput", "PasserelleManifest", "SalesManagementAPI", "RecordMatching",
        "PasserelleKit",
      ]),
    .executable(name: "passerelle", targets: ["passerelle"]),
    .executable(name: "passerelle-sm-emulator", targets: ["passerelle-sm-emulator"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
  ],
  targets: [
    .systemLibrary(name: "CLibCSV", path: "Sources/CLibCSV"),
    .systemLibrary(
      name: "CXXHash", path: "Sources/CXXHash", pkgConfig: "libxxhash",
      providers: [.apt(["libxxhash-dev"])]),
    .systemLibrary(
      name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(
      name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
    // System calls the C library's Swift module leaves out (it is built without
    // _GNU_SOURCE); the C library itself provides them.
    .systemLibrary(name: "CPlatform", path: "Sources/CPlatform"),
    // The layers, lowest first. A target depends only on those above it in this list,
    // so that an upward or sideways import does not compile (docs/ARCHITECTURE.md).
    .target(
      name: "PasserelleCore",
      dependencies: ["CPlatform", .product(name: "Crypto", package: "swift-crypto")],
      swiftSettings: strictness + speed),
    // Tells whether a Sage record and an SM record typed by hand are one: pure
    // comparisons of normalised keys, no SM call, no file, no SQL.
    .target(name: "RecordMatching", dependencies: ["PasserelleCore"], swiftSettings: strictness),
    .target(
      name: "PasserelleReading",
      dependencies: [
        "PasserelleCore", "CLibCSV", "CLibXML2", "CXXHash",
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: strictness + speed),
    .target(
      name: "SageToSalesManagement",
      dependencies: [
        "PasserelleCore", "PasserelleReading", .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: strictness + speed),
    .target(
      name: "SalesManagementToSage",
      dependencies: ["PasserelleCore", "PasserelleReading"],
      swiftSettings: strictness + speed),
    .target(
      name: "PasserelleOutput",
      dependencies: ["PasserelleCore", .product(name: "Crypto", package: "swift-crypto")],
      swiftSettings: strictness + speed),
    .target(
      name: "PasserelleManifest",
      dependencies: [
        "PasserelleCore", "CSQLite",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ],
      swiftSettings: strictness + speed),
    // Talks to SM's REST API over HTTP; knows nothing of files, payloads or the manifest.
    .target(
      name: "SalesManagementAPI",
      dependencies: [
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strictness),
    .target(
      name: "PasserelleKit",
      dependencies: [
        "PasserelleCore", "PasserelleReading", "SageToSalesManagement", "SalesManagementToSage",
        "PasserelleOutput", "PasserelleManifest", "SalesManagementAPI", "RecordMatching",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "TOMLKit", package: "TOMLKit"),
      ],
      swiftSettings: strictness + speed),
    .executableTarget(
      name: "passerelle",
      dependencies: [
        "PasserelleKit", "PasserelleCore", "PasserelleManifest",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strictness),
    // An SM stand-in on loopback for the tests, the demo and a first trial: a subset of
    // SM's API, with faults on demand (docs/sales-management-emulator.md).
    .executableTarget(
      name: "passerelle-sm-emulator",
      dependencies: [
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictness),
    .testTarget(
      name: "PasserelleKitTests",
      dependencies: [
        "PasserelleCore", "PasserelleReading", "SageToSalesManagement", "SalesManagementToSage",
        "PasserelleOutput", "PasserelleManifest", "SalesManagementAPI", "RecordMatching",
        "PasserelleKit", "passerelle", "passerelle-sm-emulator",
      ],
      resources: [.copy("Golden")],
      swiftSettings: strictness),
  ]
)
