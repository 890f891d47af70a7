import Foundation
import Hummingbird
import HummingbirdTesting
import MillraceTestSupport
import Testing
import WebUI

@testable import API

/// The served OpenAPI document is valid OpenAPI and describes every route the router has.
@Suite struct OpenAPIDocumentTests {
    typealias F = APIFixture

    static let validatorAvailable = TestPeers.pythonCanImport("openapi_spec_validator")

    /// The OpenAPI path of a router path: `{id}` stays, a recursive wildcard is the `{path}` parameter
    /// (`{page}` at the root, the web UI's client-side routes).
    static func openAPIPath(_ routerPath: String) -> String {
        if routerPath == "/**" { return "/{page}" }
        return routerPath.replacingOccurrences(of: "/**", with: "/{path}")
    }

    @Test func everyRouteIsDocumentedWithItsMethod() async throws {
        try await F.withApp { _, environment in
            let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let routes = APIRouter.make(environment: environment).routes
            #expect(routes.count >= 16)
            for route in routes {
                let path = Self.openAPIPath(route.path.description)
                let operation = paths[path]?[route.method.rawValue.lowercased()]
                #expect(operation != nil, "\(route.method) \(route.path) (\(path)) is missing from the OpenAPI document")
            }
            // And nothing documented that the router does not serve.
            let served = Set(routes.map { Self.openAPIPath($0.path.description) })
            #expect(Set(paths.keys).subtracting(served).isEmpty, "documented but not routed: \(Set(paths.keys).subtracting(served))")
        }
    }

    @Test func everyPathParameterAndErrorResponseIsDeclared() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        for (path, operations) in paths {
            for (_, operation) in operations {
                let responses = try #require(operation["responses"] as? [String: Any], "\(path)")
                #expect(responses.keys.contains { $0.hasPrefix("2") }, "\(path) documents no success response")
                if path.contains("{") { #expect(responses["404"] != nil, "\(path) takes an id, so it can be 404") }
                if (operation["parameters"] as? [Any])?.contains(where: { ($0 as? [String: String])?["$ref"] == "#/components/parameters/from" }) == true {
                    #expect(responses["400"] != nil, "\(path) takes a time range, so it can be 400")
                }
            }
        }
    }

    @Test(.enabled(if: validatorAvailable, "openapi_spec_validator cannot be imported: run scripts/test, or pip install openapi-spec-validator into $MILLRACE_TEST_PYTHON's environment"))
    func servedDocumentPassesOpenAPISpecValidator() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("openapi.json")
        try await F.withApp { client, _ in
            let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            try Data(buffer: response.body).write(to: URL(fileURLWithPath: file))
        }
        let script = """
            import json, sys
            from openapi_spec_validator import validate
            document = json.load(open(sys.argv[1], encoding="utf-8"))
            validate(document)
            print("valid", document["openapi"])
            """
        let python = TestPeers.python
        let result = try await ChildProcess.run(python[0], Array(python.dropFirst()) + ["-c", script, file])
        #expect(result.status == 0, "openapi-spec-validator: \(result.stderr.suffix(3000))")
        #expect(result.stdout.hasPrefix("valid 3.1"))
    }
}

@Suite struct WebAssetTests {
    typealias F = APIFixture

    @Test func singlePageAppRoutesGetTheIndex() async throws {
        try await F.withApp { client, _ in
            for uri in ["/", "/index.html", "/assets/demo/packaging/line-1", "/trends", "/connections"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok, "\(uri)")
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true, "\(uri)")
                let html = String(buffer: response.body)
                #expect(html.contains("<title>Millrace"), "\(uri)")
                #expect(html.contains("/api/v1/tags"))
            }
        }
    }

    @Test func unknownFilesAndAPIPathsAre404InTheErrorFormat() async throws {
        try await F.withApp { client, _ in
            try await F.expectError(client, "/missing.js", status: .notFound, code: "notFound")
            try await F.expectError(client, "/images/logo.png", status: .notFound, code: "notFound")
            try await F.expectError(client, "/api/v1/nothing-here", status: .notFound, code: "notFound")
            try await F.expectError(client, "/api/v2/tags", status: .notFound, code: "notFound")
            try await F.expectError(client, "/api", status: .notFound, code: "notFound")
            try await F.expectError(client, "/metrics/extra", status: .notFound, code: "notFound")
        }
    }

    @Test func assetFunctionContract() {
        #expect(WebUI.asset(path: "/")?.contentType.hasPrefix("text/html") == true)
        #expect(WebUI.asset(path: "/trends") != nil)
        #expect(WebUI.asset(path: "/style.css") == nil)
    }
}
