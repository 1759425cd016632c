/// One content problem: where it is, a stable code (DiagnosticCode: kebab-case and part
/// of the `check --format json` contract), a message in plain words and a hint.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public var severity: Severity
    public var kind: DiagnosticCode
    /// The code as printed: `kind`'s kebab-case name.
    public var code: String { kind.rawValue }
    public var location: SourceLocation
    public var message: String
    public var hint: String?

    public init(_ severity: Severity, _ code: DiagnosticCode, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.kind = code
        self.location = location
        self.message = Self.bounded(message)
        self.hint = hint.map(Self.bounded)
    }

    /// Messages quote what content says; a five-megabyte cell or id is quoted by its start.
    public static let maximumLength = 400

    static func bounded(_ text: String) -> String {
        guard text.utf8.count > maximumLength * 4 || text.count > maximumLength else { return text }
        return String(text.prefix(maximumLength)) + "…"
    }

    public static func error(_ code: DiagnosticCode, at location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, code, at: location, message, hint: hint)
    }

    public static func warning(_ code: DiagnosticCode, at location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code, at: location, message, hint: hint)
    }
}
