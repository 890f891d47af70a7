/// One file of the web UI: its media type and bytes, ready to send.
public struct WebAsset: Sendable, Equatable {
    /// The `Content-Type` header value, with the charset for text.
    public var contentType: String
    public var body: [UInt8]
    /// Whether the browser may keep it without asking again (the app shell itself must always be revalidated,
    /// so that a new binary's UI is picked up on reload).
    public var isIndex: Bool

    public init(contentType: String, body: [UInt8], isIndex: Bool = false) {
        self.contentType = contentType
        self.body = body
        self.isIndex = isIndex
    }

    init(contentType: String, text: String, isIndex: Bool = false) {
        self.init(contentType: contentType, body: Array(text.utf8), isIndex: isIndex)
    }
}
