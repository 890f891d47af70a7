/// A problem with the server's certificate or key, saying which file and what to do.
public struct TLSError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
