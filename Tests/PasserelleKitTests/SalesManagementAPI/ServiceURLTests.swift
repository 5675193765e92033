import Testing

@testable import SalesManagementAPI

/// Which base URLs the client accepts: HTTPS anywhere, plain HTTP to loopback only.
@Suite struct ServiceURLTests {
  @Test(arguments: [
    "https://api.forcemanager.com/api/v4", "https://api.forcemanager.com/api/v4/",
    "http://127.0.0.1:8080/api/v4", "http://127.9.0.1/api/v4", "http://localhost:9/api/v4",
    "http://[::1]:8080/api/v4", "HTTPS://sm.example.fr:8443/v4",
  ])
  func accepted(_ url: String) throws {
    #expect(try !ServiceURL(url).base.hasSuffix("/"))
  }

  @Test(arguments: [
    "http://api.forcemanager.com/api/v4", "http://127.0.0.1.example.com/api/v4",
    "http://10.0.0.1/api/v4", "http://128.0.0.1/api/v4", "ftp://127.0.0.1/api/v4",
    "not a url", "https:///api/v4", "https://user:secret@api.forcemanager.com/api/v4",
    "https://api.forcemanager.com/api/v4?x=1", "http://127.0.0.+1/api/v4",
  ])
  func refused(_ url: String) {
    #expect {
      try ServiceURL(url)
    } throws: { error in
      guard case .insecureURL(let reason) = error as? SalesManagementError else { return false }
      return !reason.contains("secret")
    }
  }

  @Test func queryValuesArePercentEncodedStrictly() throws {
    let service = try ServiceURL("http://127.0.0.1:1/api/v4")
    let url = service.url(
      path: "/accounts", query: [("where", "(name='O''Neil & Co' OR x>1+2)"), ("page", "0")])
    #expect(
      url == "http://127.0.0.1:1/api/v4/accounts?where=%28name%3D%27O%27%27Neil%20%26%20Co%27"
        + "%20OR%20x%3E1%2B2%29&page=0")
  }
}
