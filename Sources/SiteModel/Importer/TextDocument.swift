import Foundation

/// A plain-text plan (or the text `pdftotext` gives) as a document: one line of
/// text per line of the file, numbered from 1. The tables in it are found by
/// the importer, as in any other format's lines.
public enum TextDocument {
    public static func read(_ text: String, format: ImportDocument.Format = .text) -> ImportDocument {
        // CRLF is one Character in Swift: split on it too (text not read through TextDecoding).
        let text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            ImportDocument.Block.text(ImportDocument.Line(String(line), line: index + 1))
        }
        return ImportDocument(format: format, blocks: lines)
    }
}
