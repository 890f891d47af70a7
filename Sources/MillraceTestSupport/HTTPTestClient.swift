import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Minimal HTTP GET for integration tests against a running binary. Requests to a server started with
/// `ChildProcess.startMillrace` carry its test token unless `authenticated` is false.
public enum HTTPTestClient {
    public static func get(_ url: String, authenticated: Bool = true, headers: [String: String] = [:]) async throws -> (status: Int, body: Data) {
        guard let target = URL(string: url) else { throw ChildProcessError("bad URL \(url)") }
        var request = URLRequest(url: target)
        request.timeoutInterval = 10
        if authenticated, let credentials = TestCredentials.credentials(for: url) {
            request.setValue("Bearer \(credentials.token)", forHTTPHeaderField: "Authorization")
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// POSTs a JSON body; returns the status and the answer parsed as JSON (an empty object when it is not JSON).
    public static func postJSON(_ url: String, _ body: [String: Any], authenticated: Bool = true) async throws -> (status: Int, json: [String: Any]) {
        guard let target = URL(string: url) else { throw ChildProcessError("bad URL \(url)") }
        var request = URLRequest(url: target)
        request.httpMethod = "POST"
        request.timeoutInterval = 10
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if authenticated, let credentials = TestCredentials.credentials(for: url) {
            request.setValue("Bearer \(credentials.token)", forHTTPHeaderField: "Authorization")
        }
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        let (data, response) = try await URLSession.shared.data(for: request)
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, json)
    }

    public static func getJSON(_ url: String, authenticated: Bool = true) async throws -> (status: Int, json: Any) {
        let (status, data) = try await get(url, authenticated: authenticated)
        return (status, try JSONSerialization.jsonObject(with: data))
    }
}
