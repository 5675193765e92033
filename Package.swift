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
    .library(name: "PasserelleKit", targets: ["PasserelleKit"]),
    .executable(name: "passerelle", targets: ["passerelle"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    .systemLibrary(name: "CLibCSV", path: "Sources/CLibCSV"),
    .systemLibrary(
      name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(
      name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
    .target(
      name: "PasserelleKit",
      dependencies: [
        "CLibCSV", "CLibXML2", "CSQLite",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
        .product(name: "TOMLKit", package: "TOMLKit"),
      ],
      swiftSettings: strictness + speed),
    .executableTarget(
      name: "passerelle",
      dependencies: [
        "PasserelleKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strictness),
    .testTarget(
      name: "PasserelleKitTests",
      dependencies: ["PasserelleKit", "passerelle"],
      resources: [.copy("Golden")],
      swiftSettings: strictness),
  ]
)
