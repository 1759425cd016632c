/// The first `limit` diagnostics of each code from one file read row by row, then one that counts
/// the rest: a million rows with one mistake are a hundred located lines and a count — the
/// publisher fixes the pattern — not a million lines and a gigabyte.
public struct DiagnosticLimit {
    public let limit: Int
    private var counts: [DiagnosticCode: Int] = [:]
    private var firstLeftOut: [DiagnosticCode: Diagnostic] = [:]

    public init(limit: Int = 100) {
        self.limit = limit
    }

    /// Appends `diagnostic` to `diagnostics` unless `limit` of its code came before it.
    public mutating func append(_ diagnostic: Diagnostic, to diagnostics: inout Diagnostics) {
        append(diagnostic.kind, to: &diagnostics) { diagnostic }
    }

    /// The same, with the diagnostic made only when it is listed: its message and hint (a "did
    /// you mean" searches the declared ids) are not made a million times to be dropped.
    public mutating func append(_ code: DiagnosticCode, to diagnostics: inout Diagnostics, _ make: () -> Diagnostic) {
        let count = counts[code, default: 0] + 1
        counts[code] = count
        if count <= limit {
            diagnostics.append(make())
        } else if count == limit + 1 {
            firstLeftOut[code] = make()
        }
    }

    /// For each code over the limit, one diagnostic at the first one left out, saying how many were.
    public func finish(into diagnostics: inout Diagnostics) {
        for (code, first) in firstLeftOut.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let more = counts[code, default: 0] - limit
            diagnostics.append(Diagnostic(first.severity, code, at: first.location,
                                          "另有 \(more) 处同类问题未逐一列出 (\(more) more of this problem, from here on, are not listed one by one)",
                                          hint: "the first \(limit) are listed; fix them, then check again"))
        }
    }
}
