import MillraceCore
import MillraceSecurity

extension SecurityService {
    // MARK: - First start

    /// Whether the first admin still has to be created.
    public func setupStatus() throws(SecurityServiceError) -> SetupStatus {
        try storeCall { () throws(SecurityStoreError) in try store.userCount() } == 0 ? .required : .complete
    }

    /// On a fresh installation (no user), issues a new one-time setup token for the console and stores its
    /// hash, replacing any earlier one (whose text was only ever on an earlier console); nil once set up.
    public func issueSetupTokenIfNeeded() throws(SecurityServiceError) -> SecretToken? {
        guard try setupStatus() == .required else { return nil }
        let (token, record) = SetupToken.generate(now: now(), lifetime: configuration.setupTokenLifetime, using: &random)
        try storeCall { () throws(SecurityStoreError) in try store.saveSetupToken(record) }
        return token
    }

    /// Creates the first admin with the console's setup token; works once, before the token expires.
    public func completeSetup(token: String, username: String, password: String, address: String? = nil)
        async throws(SecurityServiceError) -> UserSummary
    {
        guard try setupStatus() == .required else {
            throw SecurityServiceError(.setupNotAvailable, "setup is complete; log in instead")
        }
        guard var stored = try storeCall({ () throws(SecurityStoreError) in try store.setupToken() }) else {
            throw SecurityServiceError(.invalidSetupToken, "no setup token was issued; restart Millrace to print one")
        }
        switch stored.redeem(token, now: now()) {
        case .accepted: break
        case .mismatch: throw SecurityServiceError(.invalidSetupToken, "the setup token is wrong")
        case .alreadyUsed: throw SecurityServiceError(.invalidSetupToken, "the setup token was already used")
        case .expired: throw SecurityServiceError(.invalidSetupToken, "the setup token expired; restart Millrace to print a new one")
        }
        let actor = AuditActor(kind: .anonymous, id: "setup", sourceAddress: address)
        let user = try await createUser(
            name: username, password: password, bindings: [RoleBinding(role: .admin)], by: actor)
        let redeemed = stored
        try storeCall { () throws(SecurityStoreError) in try store.saveSetupToken(redeemed) }
        try await writeAudit(.setupCompleted(admin: user.name), by: actor)
        return user
    }

    // MARK: - Users and roles

    /// Adds a user after checking the name and the password policy; audited as created, with its roles.
    @discardableResult
    public func createUser(name: String, password: String, bindings: [RoleBinding], by actor: AuditActor)
        async throws(SecurityServiceError) -> UserSummary
    {
        try Self.validateName(name)
        try checkPolicy(password, username: name)
        let hash = try await hashPassword(password)
        let user = UserRecord(name: name, passwordHash: hash, createdAt: now(), bindings: bindings)
        do { try store.insertUser(user) } catch {
            if error.code == .duplicate { throw SecurityServiceError(.alreadyExists, "the user '\(name)' exists") }
            throw SecurityServiceError(error)
        }
        try await writeAudit(.userChanged(username: name, change: "created"), by: actor)
        try await writeAudit(.roleChanged(username: name, before: [], after: bindings), by: actor)
        return Self.summary(user)
    }

    /// Replaces a user's roles; their sessions end (a privilege change starts a new session). Audited with
    /// before and after.
    public func setRoles(username: String, bindings: [RoleBinding], by actor: AuditActor) async throws(SecurityServiceError) {
        let user = try existingUser(username)
        try storeCall { () throws(SecurityStoreError) in
            try store.setBindings(ofUser: user.name, bindings)
            try store.revokeSessions(ofUser: user.name, at: now())
        }
        try await writeAudit(.roleChanged(username: user.name, before: user.bindings, after: bindings), by: actor)
    }

    /// Disables or re-enables a user; disabling ends their sessions and stops their API tokens.
    public func setDisabled(username: String, _ disabled: Bool, by actor: AuditActor) async throws(SecurityServiceError) {
        var user = try existingUser(username)
        user.disabled = disabled
        let updated = user
        try storeCall { () throws(SecurityStoreError) in
            try store.updateUser(updated)
            if disabled { try store.revokeSessions(ofUser: updated.name, at: now()) }
        }
        try await writeAudit(.userChanged(username: user.name, change: disabled ? "disabled" : "enabled"), by: actor)
    }

    /// Sets a new password (policy-checked); ends the user's sessions.
    public func changePassword(username: String, newPassword: String, by actor: AuditActor) async throws(SecurityServiceError) {
        var user = try existingUser(username)
        try checkPolicy(newPassword, username: user.name)
        user.passwordHash = try await hashPassword(newPassword)
        let updated = user
        try storeCall { () throws(SecurityStoreError) in
            try store.updateUser(updated)
            try store.revokeSessions(ofUser: updated.name, at: now())
        }
        try await writeAudit(.userChanged(username: user.name, change: "password changed"), by: actor)
    }

    /// Every user, by name, without secrets.
    public func listUsers() throws(SecurityServiceError) -> [UserSummary] {
        try storeCall { () throws(SecurityStoreError) in try store.users() }.map(Self.summary)
    }

    /// One user's summary.
    public func userSummary(_ name: String) throws(SecurityServiceError) -> UserSummary {
        Self.summary(try existingUser(name))
    }

    static func summary(_ user: UserRecord) -> UserSummary {
        UserSummary(
            name: user.name, bindings: user.bindings, disabled: user.disabled, mfaEnrolled: user.hasMFA,
            recoveryCodesLeft: user.recoveryCodes.remaining)
    }

    // MARK: - Tokens and service accounts

    /// Issues an API token acting for `owner` with `scopes`, living `lifetime` (at most 366 days). The
    /// returned secret is shown once; only its hash is stored. Audited.
    public func createAPIToken(
        owner: String, name: String, scopes: Set<Permission>, lifetime: Duration, by actor: AuditActor
    ) async throws(SecurityServiceError) -> (token: SecretToken, record: APIToken) {
        let user = try existingUser(owner)
        let issued: (token: SecretToken, record: APIToken)
        do {
            issued = try APIToken.issue(
                name: String(name.prefix(100)), owner: user.name, scopes: scopes, now: now(), lifetime: lifetime,
                using: &random)
        } catch { throw SecurityServiceError(.invalidInput, error.message) }
        try storeCall { () throws(SecurityStoreError) in try store.insertAPIToken(issued.record) }
        try await writeAudit(.tokenIssued(tokenID: issued.record.id, name: issued.record.name, scopes: scopes), by: actor)
        return issued
    }

    /// The API tokens of `owner` (or all), without secrets.
    public func listAPITokens(owner: String? = nil) throws(SecurityServiceError) -> [APIToken] {
        try storeCall { () throws(SecurityStoreError) in try store.apiTokens(owner: owner) }
    }

    /// Creates a service account for an edge node; returns its token (shown once). Audited.
    public func createServiceAccount(
        name: String, bindings: [RoleBinding], expiresAt: Timestamp? = nil, by actor: AuditActor
    ) async throws(SecurityServiceError) -> SecretToken {
        try Self.validateName(name)
        let (token, account) = ServiceAccount.create(
            name: name, bindings: bindings, now: now(), expiresAt: expiresAt, using: &random)
        do { try store.insertServiceAccount(account) } catch {
            if error.code == .duplicate {
                throw SecurityServiceError(.alreadyExists, "the service account '\(name)' exists")
            }
            throw SecurityServiceError(error)
        }
        try await writeAudit(.userChanged(username: "service:\(name)", change: "service account created"), by: actor)
        try await writeAudit(.roleChanged(username: "service:\(name)", before: [], after: bindings), by: actor)
        return token
    }

    /// Ends an API token, a service account or a user's sessions, effective on the next request. Audited.
    public func revoke(_ target: Revocation, by actor: AuditActor) async throws(SecurityServiceError) {
        switch target {
        case .apiToken(let id):
            guard try storeCall({ () throws(SecurityStoreError) in try store.revokeAPIToken(id: id, at: now()) }) else {
                throw SecurityServiceError(.notFound, "no active API token with the id '\(id.prefix(64))'")
            }
            try await writeAudit(.tokenRevoked(tokenID: String(id.prefix(12)).lowercased()), by: actor)
        case .serviceAccount(let name):
            guard var account = try storeCall({ () throws(SecurityStoreError) in try store.serviceAccount(named: name) }) else {
                throw SecurityServiceError(.notFound, "there is no service account '\(name.prefix(64))'")
            }
            account.disabled = true
            let updated = account
            try storeCall { () throws(SecurityStoreError) in try store.updateServiceAccount(updated) }
            try await writeAudit(.userChanged(username: "service:\(account.name)", change: "service account revoked"), by: actor)
        case .sessions(let username):
            let user = try existingUser(username)
            let count = try storeCall { () throws(SecurityStoreError) in try store.revokeSessions(ofUser: user.name, at: now()) }
            try await writeAudit(.userChanged(username: user.name, change: "\(count) sessions ended"), by: actor)
        }
    }
}
