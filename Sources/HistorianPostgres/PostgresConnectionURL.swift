import Foundation

/// Where the PostgreSQL historian connects: `postgres://user:password@host:port/database?sslmode=…`.
///
/// The form is libpq's connection URI (PostgreSQL 15 documentation §34.1.1.2), restricted to what the historian
/// needs: one host, an optional port (5432), a database (defaults to the user's name, as libpq does), and
/// `sslmode` = `disable` (the default), `prefer` or `require`. User and password may be percent-encoded.
/// `description` never shows the password, so the value can go into logs and error messages.
public struct PostgresConnectionURL: Hashable, Sendable, CustomStringConvertible {
    /// How the connection uses TLS (libpq's `sslmode`, the subset PostgresNIO supports).
    public enum TLSMode: String, Hashable, Sendable, CaseIterable {
        /// Plain TCP.
        case disable
        /// TLS if the server offers it, plain TCP otherwise.
        case prefer
        /// TLS or no connection; the server certificate is verified against the system's trust roots.
        case require
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    public init(host: String, port: Int = 5432, user: String, password: String?, database: String, tls: TLSMode = .disable) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.tls = tls
    }

    /// Parses a `postgres://` or `postgresql://` URL; the error says which part is wrong.
    public init(parsing text: String) throws(PostgresConnectionURLError) {
        func fail(_ reason: String) -> PostgresConnectionURLError {
            PostgresConnectionURLError(url: Self.redacting(text), reason: reason)
        }
        guard let components = URLComponents(string: text) else {
            throw fail("it is not a URL; expected postgres://user:password@host:port/database")
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw fail("the scheme must be postgres:// or postgresql://")
        }
        guard let host = components.host, !host.isEmpty else { throw fail("the host is missing") }
        guard let user = components.user.flatMap({ $0.removingPercentEncoding }), !user.isEmpty else {
            throw fail("the user is missing (postgres://USER:password@host/database)")
        }
        if let port = components.port, !(1...65535).contains(port) {
            throw fail("the port \(port) is outside 1–65535")
        }
        var path = components.path
        if path.hasPrefix("/") { path.removeFirst() }
        guard !path.contains("/") else { throw fail("the path must be just the database name") }
        let database = path.removingPercentEncoding ?? path
        var tls = TLSMode.disable
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = TLSMode(rawValue: item.value ?? "") else {
                    throw fail("sslmode must be one of disable, prefer, require; got '\(item.value ?? "")'")
                }
                tls = mode
            default:
                throw fail("unknown parameter '\(item.name)'; only sslmode is understood")
            }
        }
        self.init(
            host: host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host,
            port: components.port ?? 5432, user: user,
            password: components.password.map { $0.removingPercentEncoding ?? $0 },
            database: database.isEmpty ? user : database, tls: tls)
    }

    /// The URL with the password replaced by `***`.
    public var description: String {
        let credentials = password == nil ? user : "\(user):***"
        let query = tls == .disable ? "" : "?sslmode=\(tls.rawValue)"
        return "postgres://\(credentials)@\(host):\(port)/\(database)\(query)"
    }

    /// `text` with anything between `://user:` and `@` hidden, for errors about URLs that do not parse.
    static func redacting(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://"), let at = text.range(of: "@", options: .backwards),
            schemeEnd.upperBound < at.lowerBound
        else { return text }
        let credentials = text[schemeEnd.upperBound..<at.lowerBound]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at.lowerBound...])
    }
}

/// A connection URL that cannot be used, with the reason.
public struct PostgresConnectionURLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The URL as given, password hidden.
    public var url: String
    public var reason: String
    public var description: String { "invalid PostgreSQL URL \(url): \(reason)" }
}
