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

    public static func getJSON(_ url: String, authenticated: Bool = true) async throws -> (status: Int, json: Any) {
        let (status, data) = try await get(url, authenticated: authenticated)
        return (status, try JSONSerialization.jsonObject(with: data))
    }
}
