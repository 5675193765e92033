// swift-tools-version:6.0
import Foundation
import PackageDescription

// CI builds treat warnings as errors in Passerelle's own targets.
let strictness: [SwiftSetting] =
  ProcessInfo.processInfo.environment["CI"] == nil ? [] : [.unsafeFlags(["-warnings-as-errors"])]

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
  ],
  targets: [
    .systemLibrary(name: "CLibCSV", path: "Sources/CLibCSV"),
    .systemLibrary(
      name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]),
    .target(
      name: "PasserelleKit",
      dependencies: [
        "CLibCSV", "CLibXML2",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      swiftSettings: strictness),
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
