import Foundation
import SiteModel

/// Reads a plan as an office has it — a text file, a saved web page, a Word
/// file or a PDF — into the one `ImportDocument` the importer reads. Which
/// reader by the file's extension, else by its first bytes.
public enum DocumentReader {
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// The file could not be read as what it claims to be.
        case unreadable(String)
        /// A format gen-site does not read, with how to convert it.
        case unsupported(String)
        /// A program gen-site needs is not installed.
        case missingTool(String)

        public var description: String {
            switch self {
            case .unreadable(let why), .unsupported(let why), .missingTool(let why): why
            }
        }
    }

    public struct Result: Sendable {
        public var document: ImportDocument
        /// What the reader wants the publisher to know (`read as GB18030`).
        public var notes: [String] = []
    }

    public enum Format: String, Sendable { case text, html, docx, pdf, doc, wps }

    /// The format of a file: its extension, else its first bytes.
    public static func format(path: String, data: Data) -> Format {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        switch ext {
        case "txt", "text": return .text
        case "html", "htm", "shtml", "xhtml", "mht": return .html
        case "docx", "docm": return .docx
        case "pdf": return .pdf
        case "doc", "dot", "rtf": return .doc
        case "wps", "wpt": return .wps
        default: break
        }
        let head = [UInt8](data.prefix(8))
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .doc }
        let start = String(decoding: data.prefix(512), as: UTF8.self).lowercased()
        if start.contains("<!doctype html") || start.contains("<html") { return .html }
        return .text
    }

    public static func read(path: String) throws(Failure) -> Result {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable("cannot read \(path)") }
        return try read(data, path: path)
    }

    public static func read(_ data: Data, path: String) throws(Failure) -> Result {
        switch format(path: path, data: data) {
        case .text: return try readText(data)
        case .html: return Result(document: try HTMLReader.read(data))
        case .docx: return Result(document: try DocxReader.read(data))
        case .pdf: return Result(document: try PDFReader.read(path: path))
        case .doc, .wps:
            let name = URL(fileURLWithPath: path).lastPathComponent
            throw .unsupported("""
                \(name) is an old Word or WPS file (.doc, .wps), which gen-site does not read. Save it as .docx \
                (in Word or WPS: 另存为 → Word 文档 .docx), or convert it: libreoffice --headless --convert-to docx \(name), \
                then import the .docx
                """)
        }
    }

    /// A text file: UTF-8 (with or without a BOM), GB18030, or UTF-16 with its BOM.
    static func readText(_ data: Data) throws(Failure) -> Result {
        let bytes = [UInt8](data.prefix(2))
        if bytes == [0xFF, 0xFE] || bytes == [0xFE, 0xFF] {
            let little = bytes == [0xFF, 0xFE]
            guard data.count % 2 == 0, let text = String(data: data.dropFirst(2), encoding: little ? .utf16LittleEndian : .utf16BigEndian) else {
                throw .unreadable("the file starts as UTF-16 but is not")
            }
            return Result(document: TextDocument.read(text), notes: ["read as UTF-16 (\(little ? "little" : "big")-endian)"])
        }
        switch TextDecoding.decode(data) {
        case .success(let decoded):
            return Result(document: TextDocument.read(decoded.text), notes: decoded.encoding == .gb18030 ? ["read as GB18030"] : [])
        case .failure(.binary):
            throw .unreadable("it is not a text file (it holds NUL bytes); a Word file is read as .docx, a PDF as .pdf")
        case .failure(.invalidEncoding(let line, let column)):
            throw .unreadable("line \(line), column \(column): neither UTF-8, GB18030 nor UTF-16 with a BOM")
        }
    }
}
