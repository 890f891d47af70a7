import Foundation
import HTTPTypes
import Hummingbird
import SecurityStore

/// An authentication or authorization failure in the API's one error format,
/// `{"status": 401, "code": "unauthenticated", "message": "..."}`, with the headers it needs
/// (`WWW-Authenticate` on 401, `Retry-After` on 429).
public struct AuthHTTPError: HTTPResponseError, Sendable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, code: String, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
        if status == .unauthorized, self.headers[.wwwAuthenticate] == nil {
            self.headers[.wwwAuthenticate] = "Bearer realm=\"millrace\""
        }
    }

    /// The one mapping of `SecurityServiceError` to HTTP.
    public init(_ error: SecurityServiceError) {
        switch error.code {
        case .invalidCredentials, .unauthenticated, .mfaRequired:
            self.init(.unauthorized, code: error.code.rawValue, error.message)
        case .invalidSetupToken:
            self.init(.unauthorized, code: error.code.rawValue, error.message)
        case .lockedOut:
            var headers: HTTPFields = [:]
            if let retry = error.retryAfter { headers[.retryAfter] = String(max(1, retry.components.seconds)) }
            self.init(.tooManyRequests, code: error.code.rawValue, error.message, headers: headers)
        case .mfaEnrollmentRequired: self.init(.forbidden, code: error.code.rawValue, error.message)
        case .setupNotAvailable, .alreadyExists: self.init(.conflict, code: error.code.rawValue, error.message)
        case .weakPassword, .invalidInput: self.init(.badRequest, code: error.code.rawValue, error.message)
        case .notFound: self.init(.notFound, code: error.code.rawValue, error.message)
        default: self.init(.serviceUnavailable, code: error.code.rawValue, "the security service failed; see its log")
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response()
    }

    /// The response, without needing a request (the middleware answers before any route runs).
    public func response() -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: JSONBody.encode(Body(status: Int(status.code), code: code, message: message))))
    }

    struct Body: Encodable {
        var status: Int
        var code: String
        var message: String
    }

    public var description: String { "\(status.code) \(code): \(message)" }
}

enum JSONBody {
    static func encode(_ value: some Encodable) -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding our own plain structs cannot fail; an empty object is the safe fallback.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return ByteBuffer(bytes: data)
    }

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: encode(value)))
    }
}
