/// One content problem: where it is, a stable code, a message in plain words
/// and a hint. Codes are kebab-case and part of the `check --format json` contract.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public var severity: Severity
    public var code: String
    public var location: SourceLocation
    public var message: String
    public var hint: String?

    public init(_ severity: Severity, _ code: String, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
        self.hint = hint
    }

    public static func error(_ code: String, at location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, code, at: location, message, hint: hint)
    }

    public static func warning(_ code: String, at location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code, at: location, message, hint: hint)
    }
}
