import Testing
import WebUI

@Suite struct WebUITests {
    func text(_ path: String) throws -> String {
        String(decoding: try #require(WebUI.asset(path: path)).body, as: UTF8.self)
    }

    @Test func indexIsServedForTheAppsPages() throws {
        for path in ["/", "/index.html", "/trends", "/connections", "/assets/demo/packaging/line-1/motor-1", "/assets/a", "/some/page"] {
            let asset = try #require(WebUI.asset(path: path), "\(path)")
            #expect(asset.contentType == "text/html; charset=utf-8")
            #expect(asset.isIndex)
        }
        #expect(try text("/").contains("<script type=\"module\" src=\"/app.js\"></script>"))
    }

    @Test func filesHaveTheirTypes() throws {
        #expect(WebUI.asset(path: "/app.css")?.contentType == "text/css; charset=utf-8")
        #expect(WebUI.asset(path: "/app.js")?.contentType == "text/javascript; charset=utf-8")
        #expect(WebUI.asset(path: "/favicon.svg")?.contentType == "image/svg+xml")
        #expect(WebUI.asset(path: "/app.js")?.isIndex == false)
    }

    @Test func unknownFilesAndAPIPathsAreNotPages() {
        for path in ["/nothing.js", "/app.js.map", "/favicon.ico", "/api/v1/unknown", "/api/", "/metrics/x", "/healthz/x"] {
            #expect(WebUI.asset(path: path) == nil, "\(path)")
        }
    }

    /// Every module the app imports is one of the served files, so a renamed file cannot break the page silently.
    @Test func everyImportedModuleIsServed() throws {
        let names = Set(WebUI.fileNames)
        for name in names where name.hasSuffix(".js") {
            let source = try text(name)
            var rest = Substring(source)
            while let range = rest.firstRange(of: "from \"/") {
                let tail = rest[range.upperBound...]
                guard let end = tail.firstIndex(of: "\"") else { break }
                let imported = "/" + tail[..<end]
                #expect(names.contains(imported), "\(name) imports \(imported), which is not served")
                rest = tail[end...]
            }
        }
        let index = try text("/")
        for reference in ["/app.css", "/theme.js", "/app.js", "/favicon.svg"] {
            #expect(index.contains("\"\(reference)\""))
            #expect(names.contains(reference))
        }
    }

    /// The Content-Security-Policy forbids inline code: the pages must not have any.
    @Test func pagesHaveNoInlineScriptsOrStyles() throws {
        let index = try text("/")
        #expect(!index.contains("<script>"))
        #expect(!index.contains("style=\""))
        #expect(!index.contains("onclick=\""))
        #expect(WebUI.contentSecurityPolicy.contains("script-src 'self';"))
        #expect(!WebUI.contentSecurityPolicy.contains("unsafe-inline"))
    }
}
