// swift-tools-version:6.0
import PackageDescription

// Fuzz targets for the readers and value parsers, built apart from the product
// (libFuzzer instrumentation, address sanitizer): `scripts/fuzz.sh TARGET SECONDS`.
// They reach the layers' package API through `@testable import`, so the build passes
// `-enable-testing`.
let package = Package(
  name: "PasserelleFuzz",
  dependencies: [.package(name: "passerelle", path: "..")],
  targets: [
    .target(
      name: "FuzzSupport",
      dependencies: [.product(name: "PasserelleKit", package: "passerelle")]),
    .executableTarget(name: "FuzzCSVReader", dependencies: ["FuzzSupport"]),
    .executableTarget(name: "FuzzXMLReader", dependencies: ["FuzzSupport"]),
    .executableTarget(name: "FuzzJSONReader", dependencies: ["FuzzSupport"]),
    .executableTarget(name: "FuzzEncoding", dependencies: ["FuzzSupport"]),
    .executableTarget(name: "FuzzFrenchValues", dependencies: ["FuzzSupport"]),
  ]
)
