import HTTPTypes
import Hummingbird

/// Every route of a router as a concrete request (method and a path with its parameters filled in), so a
/// test can call each one and check that it refuses requests without credentials — for the routes that
/// exist today and for every route added later.
public enum RouteInventory {
    public struct Entry: Hashable, Sendable, CustomStringConvertible {
        public var method: HTTPRequest.Method
        /// The route as declared, `/api/v1/tags/{id}/samples`.
        public var pattern: String
        /// A path that matches it, `/api/v1/tags/x/samples`.
        public var samplePath: String
        public var description: String { "\(method) \(pattern)" }
    }

    public static func entries<Context>(of router: Router<Context>) -> [Entry] {
        router.routes.map { route in
            let pattern = route.path.description
            let segments = pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String in
                if segment == "**" { return "x/y" }
                if segment.hasPrefix(":") { return "x" }
                // `{id}`, `{id}.json`, `file-*`: each capture or wildcard becomes `x`, the literal rest stays.
                var sample = ""
                var inCapture = false
                for character in segment {
                    switch character {
                    case "{": inCapture = true
                    case "}": inCapture = false; sample += "x"
                    case "*" where !inCapture: sample += "x"
                    default: if !inCapture { sample.append(character) }
                    }
                }
                return sample
            }
            var path = segments.joined(separator: "/")
            if !path.hasPrefix("/") { path = "/" + path }
            return Entry(method: route.method, pattern: pattern, samplePath: path)
        }
    }
}
