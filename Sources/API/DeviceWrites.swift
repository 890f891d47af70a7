import APIAuth
import Foundation
import Historian
import Hummingbird
import MillraceCore
import MillraceSecurity

/// Carries out writes to devices for the API; the app provides it over its running inputs.
public protocol DeviceWriter: Sendable {
    /// Whether the configuration marks the tag writable (`writable: true`).
    func isWritable(_ tag: TagID) -> Bool
    /// Writes `value` to the tag's device; throws `DeviceWriteError` with a message a person can act on.
    func write(_ value: DataValue, to tag: TagID, reason: String) async throws(DeviceWriteError)
}

/// Why a device write failed after it was allowed.
public struct DeviceWriteError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable { case invalidValue, notConnected, deviceRefused }
    public var code: Code
    public var description: String
    public init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}

/// `POST /api/v1/tags/{id}/write {"value": 42.5, "reason": "…"}` — the OT-safety gate of issue #7: the tag must be
/// configured writable, the principal must hold `writeDevices` on the tag's asset (engineer or admin there), a
/// reason is required, and the write is audited (who, what, which value, why) before it is sent. A refused write
/// is audited too. Off unless the configuration makes a tag writable.
enum DeviceWriteRoutes {
    struct WriteRequest: Decodable {
        var value: JSONValue
        var reason: String
    }

    struct WriteResponse: Encodable {
        var tag: String
        var value: JSONValue
        var written: Bool
        var reason: String
    }

    static func add(to router: Router<APIContext>, environment: APIEnvironment) {
        router.post("/api/v1/tags/{id}/write") { request, context in
            let tag = try await environment.readableTag(context)
            let body = try await request.decode(as: WriteRequest.self, context: context)
            let reason = String(body.reason.prefix(500))
            guard let writer = environment.deviceWriter else {
                throw APIError(.notFound, code: "writesDisabled", "this installation has no device that accepts writes")
            }
            let value = try dataValue(body.value, kind: tag.kind)
            let writable = writer.isWritable(tag.id)
            let decision: AuthorizationDecision
            if let asset = tag.asset {
                decision = Authorizer().canWrite(try context.principal(), tagWritable: writable, on: asset, reason: reason)
            } else if !writable || reason.allSatisfy(\.isWhitespace) {
                decision = Authorizer().canWrite(try context.principal(), tagWritable: writable, on: try AssetPath("unassigned"), reason: reason)
            } else {
                decision = Authorizer().can(try context.principal(), .writeDevices, on: nil)
            }
            let shown = String(describing: value)
            guard decision.isAllowed else {
                try await audit(.deviceWriteDenied(tag: tag.id, value: shown, reason: reason), context, environment, tag.asset)
                throw AuthHTTPError(.forbidden, code: "forbidden", decision.reason)
            }
            // Audited before the device sees it: a write the trail cannot record is not made.
            try await audit(.deviceWrite(tag: tag.id, value: shown, reason: reason), context, environment, tag.asset)
            do {
                try await writer.write(value, to: tag.id, reason: reason)
            } catch let error as DeviceWriteError {
                switch error.code {
                case .invalidValue: throw APIError(.badRequest, code: "invalidValue", error.description)
                case .notConnected: throw APIError(.serviceUnavailable, code: "deviceNotConnected", error.description)
                case .deviceRefused: throw APIError(.badGateway, code: "deviceRefused", error.description)
                }
            }
            return try JSONResponse.make(WriteResponse(tag: tag.id.rawValue, value: body.value, written: true, reason: reason))
        }
    }

    static func audit(_ action: AuditAction, _ context: APIContext, _ environment: APIEnvironment, _ asset: AssetPath?) async throws {
        do { try await environment.security.audit(action, by: context.auditActor, asset: asset) } catch {
            throw APIError(.serviceUnavailable, code: "auditUnavailable", "the audit trail cannot be written, so the write was not made: \(error.message)")
        }
    }

    /// The JSON value as the tag's kind: a number for numeric tags, true/false (or 0/1) for booleans, text for strings.
    static func dataValue(_ json: JSONValue, kind: ValueKind) throws -> DataValue {
        let mismatch = APIError(.badRequest, code: "invalidValue", "the value is not one for a \(kind.rawValue) tag (a number, true/false or text as the tag's type)")
        switch (kind, json) {
        case (.double, .number(let number)):
            guard number.isFinite else { throw mismatch }
            return .double(number)
        case (.integer, .number(let number)):
            guard let integer = Int64(exactly: number) else { throw mismatch }
            return .integer(integer)
        case (.bool, .bool(let flag)): return .bool(flag)
        case (.bool, .number(let number)) where number == 0 || number == 1: return .bool(number == 1)
        case (.string, .string(let text)): return .string(text)
        default: throw mismatch
        }
    }
}
