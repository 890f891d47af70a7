import Foundation
import Historian
import Hummingbird

/// The one error format of the HTTP API: `{"status": 400, "code": "invalidTime", "message": "..."}`.
/// `code` is stable for programs; `message` says what was wrong and what was expected.
public struct APIError: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String

    public init(_ status: HTTPResponse.Status, code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// The one mapping of historian failures to HTTP: the caller's mistakes are 4xx, the store's are 503.
    public init(_ error: HistorianError) {
        switch error.code {
        case .unknownTag: self.init(.notFound, code: "unknownTag", error.message)
        case .invalidRange: self.init(.badRequest, code: "invalidRange", error.message)
        case .implausibleTime: self.init(.badRequest, code: "invalidTime", error.message)
        case .kindMismatch: self.init(.badRequest, code: "kindMismatch", error.message)
        default: self.init(.serviceUnavailable, code: "historianUnavailable", error.description)
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = ErrorBody(status: Int(status.code), code: code, message: message)
        return try JSONResponse.make(body, status: status)
    }

    struct ErrorBody: Encodable {
        var status: Int
        var code: String
        var message: String
    }
}

/// Turns every error that escapes a route, including the router's own 404 and 405, into the API error format.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError {
            let code =
                switch error.status {
                case .notFound: "notFound"
                case .methodNotAllowed: "methodNotAllowed"
                case .badRequest: "badRequest"
                case .contentTooLarge: "bodyTooLarge"
                default: "httpError"
                }
            let message = error.body ?? (error.status == .notFound ? "no such resource: \(request.uri.path)" : "\(error.status.reasonPhrase)")
            return try APIError(error.status, code: code, message).response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            // Errors that render themselves (the authorization checks' 403 with its code and reason) keep their body.
            return try error.response(from: request, context: context)
        } catch {
            context.logger.error("unhandled error in route", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return try APIError(.internalServerError, code: "internal", "the server failed; see its log")
                .response(from: request, context: context)
        }
    }
}

enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
