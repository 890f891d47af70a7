import MillraceCore
import MillraceSecurity

extension SecurityService {
    /// Checks a user name, password and (when enrolled) second factor, and opens a session.
    ///
    /// Order (OWASP Authentication Cheat Sheet): throttle first (a locked-out name or address is refused
    /// without checking the password), then the password (hashed even for unknown names), then the account
    /// state, then the second factor. Every outcome is audited with its reason; the error the client sees
    /// says only "invalid credentials", except for a lockout (with its retry time) and a missing second
    /// factor after a correct password (so the UI can ask for the code).
    public func login(
        username: String, password: String, totp: String? = nil, recoveryCode: String? = nil, address: String
    ) async throws(SecurityServiceError) -> LoginSession {
        let name = String(username.prefix(64))
        let anonymous = AuditActor(kind: .anonymous, id: "-", sourceAddress: address)
        if case .lockedOut(let subject, _, let retryAfter) = throttle.check(username: name, address: address, now: now()) {
            try await writeAudit(.loginFailed(username: name, reason: .lockedOut), by: anonymous)
            throw SecurityServiceError(
                .lockedOut, "too many failed logins for this \(subject.kindName); try again later",
                retryAfter: retryAfter, loginFailure: .lockedOut)
        }
        var found: UserRecord?
        if (try? Self.validateName(name)) != nil {
            found = try storeCall { () throws(SecurityStoreError) in try store.user(named: name) }
        }
        let user = found
        let storedHash: String
        if let user { storedHash = user.passwordHash } else { storedHash = try await dummyHash() }
        let passwordMatches = await verifyPassword(password, against: storedHash)
        guard var user else { return try await fail(name, .unknownUser, address: address) }
        guard passwordMatches else { return try await fail(name, .wrongPassword, address: address) }
        guard !user.disabled else { return try await fail(name, .accountDisabled, address: address) }

        var mfaVerified = false
        if let sealed = user.mfaSecret {
            let totpCheck = try totpOf(user: user.name, sealed: sealed)
            if let totp {
                switch totpCheck.verify(totp, at: now(), lastUsedStep: user.lastTOTPStep) {
                case .accepted(let step): user.lastTOTPStep = step
                case .replayed: return try await fail(name, .replayedSecondFactor, address: address)
                case .rejected: return try await fail(name, .wrongSecondFactor, address: address)
                }
            } else if let recoveryCode {
                guard user.recoveryCodes.redeem(recoveryCode) else {
                    return try await fail(name, .wrongSecondFactor, address: address)
                }
                try await writeAudit(
                    .recoveryCodeUsed(username: user.name, remaining: user.recoveryCodes.remaining),
                    by: AuditActor(user.principal, sourceAddress: address))
            } else {
                try await writeAudit(.loginFailed(username: name, reason: .mfaRequired), by: anonymous)
                throw SecurityServiceError(
                    .mfaRequired, "enter the code from your authenticator app or a recovery code",
                    loginFailure: .mfaRequired)
            }
            mfaVerified = true
        }
        throttle.recordSuccess(username: name, address: address, now: now())
        if hasher.needsRehash(user.passwordHash) { user.passwordHash = try await hashPassword(password) }
        let updated = user
        try storeCall { () throws(SecurityStoreError) in try store.updateUser(updated) }

        let (token, session) = SessionToken.issue(
            username: user.name, mfaVerified: mfaVerified, now: now(), idleTimeout: configuration.sessionIdleTimeout,
            absoluteTimeout: configuration.sessionAbsoluteTimeout, using: &random)
        try storeCall { () throws(SecurityStoreError) in
            try store.deleteSessions(endedBefore: now())  // housekeeping: ended sessions go at the next login
            try store.insertSession(SessionRecord(session: session, address: address))
        }
        try await writeAudit(.loginSucceeded(mfa: mfaVerified), by: AuditActor(user.principal, sourceAddress: address))
        try await noteClientAddress(username: user.name, address: address)
        return LoginSession(
            token: token, session: session, csrfToken: csrf.issue(forSession: session.tokenHash, using: &random),
            principal: user.principal,
            mfaEnrollmentRequired: !mfaVerified && mfaRequired(for: user.bindings))
    }

    /// Logs in with a recovery code in place of the TOTP code (a lost phone); the code works once.
    public func useRecoveryCode(username: String, password: String, code: String, address: String)
        async throws(SecurityServiceError) -> LoginSession
    {
        try await login(username: username, password: password, recoveryCode: code, address: address)
    }

    /// Ends the session whose token is `sessionToken` (unknown tokens are ignored).
    public func logout(sessionToken: String, address: String? = nil) async throws(SecurityServiceError) {
        guard let token = try? SecretToken(parsing: sessionToken, expecting: .session),
            var record = try storeCall({ () throws(SecurityStoreError) in try store.session(hash: token.hash) }),
            record.session.revokedAt == nil
        else { return }
        record.session.revokedAt = now()
        let session = record.session
        try storeCall { () throws(SecurityStoreError) in try store.updateSession(session) }
        try await writeAudit(.loggedOut, by: AuditActor(kind: .user, id: session.username, sourceAddress: address))
    }

    /// The most addresses remembered per user (the newest).
    static let knownAddressLimit = 32

    /// Remembers where a user logs in from; a login from an address none of their earlier ones came from raises
    /// `newClientAddress` (not the very first login: there is nothing to compare with) and is audited.
    func noteClientAddress(username: String, address: String) async throws(SecurityServiceError) {
        let key = "known_addresses/" + username
        let stored = try storeCall { () throws(SecurityStoreError) in try store.setting(key) } ?? ""
        var known = stored.split(separator: "\n").map(String.init)
        guard !known.contains(address) else { return }
        let isFirst = known.isEmpty
        known.append(address)
        let kept = known.suffix(Self.knownAddressLimit).joined(separator: "\n")
        try storeCall { () throws(SecurityStoreError) in try store.setSetting(key, kept) }
        guard !isFirst else { return }
        let event = SecurityEvent.newClientAddress(username: username, address: address, at: now())
        securityEventContinuation.yield(event)
        try await writeAudit(.securityAlert(summary: event.description), by: .system)
    }

    /// A failed login: counted by the throttle, audited with its reason (and any lockout or burst it causes).
    private func fail(_ name: String, _ reason: LoginFailureReason, address: String) async throws(SecurityServiceError)
        -> LoginSession
    {
        let events = throttle.recordFailure(username: name, address: address, now: now())
        try await writeAudit(.loginFailed(username: name, reason: reason), by: AuditActor(kind: .anonymous, id: "-", sourceAddress: address))
        for event in events {
            securityEventContinuation.yield(event)
            try await writeAudit(.securityAlert(summary: event.description), by: .system)
        }
        throw SecurityServiceError(.invalidCredentials, "invalid user name, password or code", loginFailure: reason)
    }

    func totpOf(user: String, sealed: String) throws(SecurityServiceError) -> TOTP {
        do { return try TOTP(secret: try secretBox.open(sealed, context: "user/\(user.lowercased())/totp")) } catch {
            throw SecurityServiceError(.storageFailure, "cannot open the TOTP secret of '\(user)': \(error.message)")
        }
    }

    // MARK: - Authentication of requests

    /// The principal behind a presented credential, or `.unauthenticated` saying why not.
    public func authenticate(_ credential: Credential) async throws(SecurityServiceError) -> Authentication {
        switch credential {
        case .bearer(let text):
            if text.hasPrefix(TokenKind.api.prefix) { return try authenticateAPIToken(text) }
            if text.hasPrefix(TokenKind.serviceAccount.prefix) { return try authenticateServiceAccount(text) }
            throw SecurityServiceError(.unauthenticated, "a bearer token starts with mr_api_ or mr_svc_")
        case .sessionCookie(let text):
            return try authenticateSession(text)
        }
    }

    private func authenticateAPIToken(_ text: String) throws(SecurityServiceError) -> Authentication {
        let token = try parse(text, .api)
        guard let record = try storeCall({ () throws(SecurityStoreError) in try store.apiToken(hash: token.hash) }) else {
            throw SecurityServiceError(.unauthenticated, "unknown API token")
        }
        let validation = record.validate(token, now: now())
        guard validation.isValid else { throw SecurityServiceError(.unauthenticated, "the API token is \(validation)") }
        guard let owner = try storeCall({ () throws(SecurityStoreError) in try store.user(named: record.owner) }), !owner.disabled else {
            throw SecurityServiceError(.unauthenticated, "the API token's owner is disabled or removed")
        }
        return Authentication(principal: record.principal(ownerBindings: owner.bindings))
    }

    private func authenticateServiceAccount(_ text: String) throws(SecurityServiceError) -> Authentication {
        let token = try parse(text, .serviceAccount)
        guard let account = try storeCall({ () throws(SecurityStoreError) in try store.serviceAccount(tokenHash: token.hash) }) else {
            throw SecurityServiceError(.unauthenticated, "unknown service account token")
        }
        let validation = account.validate(token, now: now())
        guard validation.isValid else {
            throw SecurityServiceError(.unauthenticated, "the service account token is \(validation)")
        }
        return Authentication(principal: account.principal)
    }

    private func authenticateSession(_ text: String) throws(SecurityServiceError) -> Authentication {
        let token = try parse(text, .session)
        guard var record = try storeCall({ () throws(SecurityStoreError) in try store.session(hash: token.hash) }) else {
            throw SecurityServiceError(.unauthenticated, "unknown session; log in again")
        }
        let now = now()
        let validation = record.session.validate(token, now: now)
        guard validation.isValid else {
            throw SecurityServiceError(.unauthenticated, "the session is \(validation); log in again")
        }
        guard let user = try storeCall({ () throws(SecurityStoreError) in try store.user(named: record.session.username) }), !user.disabled else {
            throw SecurityServiceError(.unauthenticated, "the account is disabled")
        }
        if now - record.session.lastSeenAt >= Self.touchInterval {
            record.session.touch(now: now)
            let session = record.session
            try storeCall { () throws(SecurityStoreError) in try store.updateSession(session) }
        }
        return Authentication(
            principal: user.principal, sessionHash: record.session.tokenHash,
            mfaEnrollmentRequired: !record.session.mfaVerified && mfaRequired(for: user.bindings))
    }

    private func parse(_ text: String, _ kind: TokenKind) throws(SecurityServiceError) -> SecretToken {
        do { return try SecretToken(parsing: text, expecting: kind) } catch {
            throw SecurityServiceError(.unauthenticated, error.message)
        }
    }

    // MARK: - CSRF

    /// A fresh CSRF token for the session (the login response carries one; `me` hands out another).
    public func csrfToken(forSession sessionHash: String) -> String {
        csrf.issue(forSession: sessionHash, using: &random)
    }

    /// Whether `token` was issued for the session `sessionHash` (constant time, no state).
    public nonisolated func verifyCSRF(_ token: String, forSession sessionHash: String) -> Bool {
        csrf.verify(token, forSession: sessionHash)
    }
}

extension LoginThrottleSubject {
    var kindName: String {
        switch self {
        case .user: "user name"
        case .address: "address"
        }
    }
}
