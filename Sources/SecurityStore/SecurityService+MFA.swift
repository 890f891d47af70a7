import MillraceCore
import MillraceSecurity

extension SecurityService {
    /// Starts TOTP enrollment for `username`: a fresh secret, kept sealed as pending until `confirmTOTP`
    /// proves the authenticator app has it. Calling it again replaces the pending secret. A user who already
    /// has MFA must have it reset by an admin first (`resetMFA`), so a stolen session cannot swap the factor.
    public func enrollTOTP(username: String) throws(SecurityServiceError) -> TOTPEnrollment {
        var user = try existingUser(username)
        guard !user.hasMFA else {
            throw SecurityServiceError(
                .alreadyExists, "'\(user.name)' already has a second factor; an admin can reset it")
        }
        let secret = TOTP.generateSecret(using: &random)
        do {
            user.mfaPendingSecret = try secretBox.seal(secret, context: totpContext(user.name), using: &random)
        } catch { throw SecurityServiceError(.storageFailure, error.message) }
        let updated = user
        try storeCall { () throws(SecurityStoreError) in try store.updateUser(updated) }
        let totp: TOTP
        do { totp = try TOTP(secret: secret) } catch { throw SecurityServiceError(.invalidInput, error.message) }
        return TOTPEnrollment(
            secretBase32: Base32.encode(secret, padding: false),
            provisioningURI: totp.provisioningURI(issuer: configuration.issuer, account: user.name))
    }

    /// Finishes enrollment with a code from the app: the secret becomes active, ten recovery codes are
    /// returned (show them once), the session that did it counts as MFA-verified, and it is audited.
    public func confirmTOTP(username: String, code: String, sessionHash: String? = nil, address: String? = nil)
        async throws(SecurityServiceError) -> [String]
    {
        var user = try existingUser(username)
        guard let pending = user.mfaPendingSecret else {
            throw SecurityServiceError(.invalidInput, "no enrollment is pending; start with mfa/enroll")
        }
        let totp = try totpOf(user: user.name, sealed: pending)
        guard case .accepted(let step) = totp.verify(code, at: now(), lastUsedStep: nil) else {
            throw SecurityServiceError(.invalidInput, "the code does not match; check the device's clock and try again")
        }
        let (codes, stored) = RecoveryCodes.generate(using: &random)
        user.mfaSecret = pending
        user.mfaPendingSecret = nil
        user.lastTOTPStep = step
        user.recoveryCodes = stored
        let updated = user
        try storeCall { () throws(SecurityStoreError) in try store.updateUser(updated) }
        if let sessionHash, var record = try storeCall({ () throws(SecurityStoreError) in try store.session(hash: sessionHash) }),
            record.session.username.lowercased() == user.name.lowercased()
        {
            record.session.mfaVerified = true
            let session = record.session
            try storeCall { () throws(SecurityStoreError) in try store.updateSession(session) }
        }
        try await writeAudit(.mfaEnrolled(username: user.name), by: AuditActor(user.principal, sourceAddress: address))
        return codes
    }

    /// Removes a user's second factor and recovery codes (a lost device), ends their sessions; audited.
    public func resetMFA(username: String, by actor: AuditActor) async throws(SecurityServiceError) {
        var user = try existingUser(username)
        user.mfaSecret = nil
        user.mfaPendingSecret = nil
        user.lastTOTPStep = nil
        user.recoveryCodes = RecoveryCodes(hashes: [])
        let updated = user
        try storeCall { () throws(SecurityStoreError) in
            try store.updateUser(updated)
            try store.revokeSessions(ofUser: updated.name, at: now())
        }
        try await writeAudit(.userChanged(username: user.name, change: "second factor reset"), by: actor)
    }

    func totpContext(_ name: String) -> String { "user/\(name.lowercased())/totp" }
}
