/// What a bearer token is for; its prefix makes leaked tokens findable by secret scanners (GitHub secret
/// scanning, gitleaks, trufflehog) and tells a person at a glance what they are looking at.
public enum TokenKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A browser session after login.
    case session
    /// An integration's API token.
    case api
    /// An edge node's service-account credential.
    case serviceAccount
    /// The one-time first-start setup token.
    case setup

    /// The fixed text before the random part.
    public var prefix: String {
        switch self {
        case .session: "mr_ses_"
        case .api: "mr_api_"
        case .serviceAccount: "mr_svc_"
        case .setup: "mr_setup_"
        }
    }
}
