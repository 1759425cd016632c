import Foundation
import SiteModel
import SiteRender

/// Prints diagnostics as text (for people), JSON (for CI, a stable contract
/// documented in docs/diagnostics.md) or GitHub workflow commands (annotations).
struct DiagnosticPrinter {
    enum Format: String, CaseIterable {
        case text, json, github
    }

    var format: Format
    /// The content folder as given on the command line; file paths are printed under it.
    var contentRoot: String

    func path(_ file: String) -> String {
        if file.hasPrefix("/") || contentRoot == "." || contentRoot.isEmpty { return file }
        let root = contentRoot.hasSuffix("/") ? String(contentRoot.dropLast()) : contentRoot
        return file == "." ? root : "\(root)/\(file)"
    }

    func render(_ diagnostics: Diagnostics) -> String {
        let items = diagnostics.sorted
        switch format {
        case .text:
            var out = ""
            for d in items {
                out += "\(d.location.described(as: path(d.location.file))): \(d.severity.rawValue)[\(d.code)]: \(d.message)\n"
                if let hint = d.hint { out += "    hint: \(hint)\n" }
            }
            return out
        case .json:
            // Keys in alphabetical order, two-space indents: the stable format of docs/diagnostics.md.
            let objects: [JSONValue] = items.map { d in
                .object([("code", .string(d.code)), ("column", .int(d.location.column)), ("file", .string(path(d.location.file))),
                         ("hint", d.hint.map { .string($0) } ?? .null), ("line", .int(d.location.line)),
                         ("message", .string(d.message)), ("severity", .string(d.severity.rawValue))])
            }
            let document = JSONValue.object([("diagnostics", .array(objects)), ("errors", .int(diagnostics.errorCount)),
                                             ("version", .int(1)), ("warnings", .int(diagnostics.warningCount))])
            return document.serialized()
        case .github:
            var out = ""
            for d in items {
                let kind = d.severity == .error ? "error" : "warning"
                let message = ([d.message] + (d.hint.map { ["hint: \($0)"] } ?? [])).joined(separator: "\n")
                out += "::\(kind) file=\(escapeProperty(path(d.location.file))),line=\(d.location.line),col=\(d.location.column),title=\(escapeProperty(d.code))::\(escapeData(message))\n"
            }
            return out
        }
    }

    /// GitHub workflow command escaping.
    func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

enum Terminal {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
