import Foundation
import Historian
import Hummingbird
import MillraceConfiguration
import MillraceCore

/// The tag list (search, asset subtree, pages with an opaque cursor) and one tag with its current value.
enum TagRoutes {
    static let defaultLimit = 1_000
    static let maximumLimit = 10_000

    static func add(to router: Router<APIContext>, environment: APIEnvironment) {
        router.get("/api/v1/tags") { request, context in
            let access = try ReadAccess(context)
            let query = try TagQuery(request, environment)
            let all = try await APIRouter.historian { try await environment.store.tags() }
                .filter { access.readsEverything || access.canRead($0.asset) }
            let page = query.page(of: all)
            let current = try await APIRouter.historian { try await environment.store.latest(of: page.tags.map(\.id)) }
            return try JSONResponse.make(
                TagListDTO(
                    enterprise: environment.enterprise, serverTime: environment.clock.now().iso8601,
                    tags: page.tags.map { TagDTO($0, current: current[$0.id]) }, next: page.next.map(TagCursor.encode)))
        }

        router.get("/api/v1/tags/{id}") { _, context in
            let tag = try await environment.readableTag(context)
            let id = tag.id
            let current = try await APIRouter.historian { try await environment.store.latest(of: [id]) }
            return try JSONResponse.make(TagDTO(tag, current: current[id]))
        }
    }
}

/// The filters and the page of a tag list request, validated.
struct TagQuery {
    var search: String?
    var subtree: AssetPath?
    var limit: Int
    /// List tags with ids after this one.
    var after: TagID?

    init(_ request: Request, _ environment: APIEnvironment) throws {
        let parameters = request.uri.queryParameters
        if let text = parameters.get("search"), !text.isEmpty {
            guard text.count <= 200 else {
                throw APIError(.badRequest, code: "invalidParameter", "'search' is \(text.count) characters long; at most 200")
            }
            search = text.lowercased()
        }
        if let text = parameters.get("asset"), !text.isEmpty {
            guard let path = try? AssetPath(text) else {
                throw APIError(
                    .badRequest, code: "invalidParameter",
                    "'asset=\(text.prefix(120))' is not an asset path such as demo/packaging/line-1 (ids joined by '/')")
            }
            if environment.configuration != nil, environment.plant[path] == nil { throw AssetRoutes.unknownAsset(text) }
            subtree = path
        }
        limit = try QueryParameters.integer(request, "limit", default: TagRoutes.defaultLimit, maximum: TagRoutes.maximumLimit)
        after = try parameters.get("cursor").map(TagCursor.decode)
    }

    func matches(_ tag: TagMetadata) -> Bool {
        if let subtree, !(tag.asset.map(subtree.contains) ?? false) { return false }
        if let search {
            return tag.id.rawValue.lowercased().contains(search) || tag.name.lowercased().contains(search)
                || tag.description.lowercased().contains(search)
        }
        return true
    }

    /// The matching tags in id order after the cursor, at most `limit`; `next` is the last one's id when more follow.
    func page(of tags: [TagMetadata]) -> (tags: [TagMetadata], next: TagID?) {
        var matching = tags.filter { tag in matches(tag) && after.map { tag.id > $0 } ?? true }
        matching.sort { $0.id < $1.id }
        guard matching.count > limit else { return (matching, nil) }
        let page = Array(matching.prefix(limit))
        return (page, page.last?.id)
    }
}

/// The opaque `cursor` of the tag list: the last listed id, versioned and base64url-encoded, so clients do
/// not build cursors and the form can change.
enum TagCursor {
    static func encode(_ id: TagID) -> String {
        Data(("t1:" + id.rawValue).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) throws -> TagID {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard text.count <= 400, let data = Data(base64Encoded: base64), let decoded = String(data: data, encoding: .utf8),
            decoded.hasPrefix("t1:"), let id = try? TagID(String(decoded.dropFirst(3)))
        else {
            throw APIError(
                .badRequest, code: "invalidCursor",
                "'cursor=\(text.prefix(40))' is not a cursor of this API; pass the 'next' value of the previous page unchanged")
        }
        return id
    }
}
