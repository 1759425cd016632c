import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SiteModel
import ZIPFoundation

/// A Word file (.docx: a ZIP archive of XML parts) read with ZIPFoundation and
/// Foundation's XMLParser into an `ImportDocument`: one line per paragraph (text
/// boxes too, such as a 红头 drawn in one), the paragraph's list number as Word
/// shows it (`一、`, `（一）`, `1.` from numbering.xml), headings marked, tables
/// with merged cells (`gridSpan`, `vMerge`) copied into every place they cover.
/// Deleted text, field codes and a drawing's fallback copy are not read.
public enum DocxReader {
    /// Parts larger than this are refused: a ZIP can expand to far more than its size.
    static let partLimit: UInt64 = 64 << 20

    public static func read(_ data: Data) throws(DocumentReader.Failure) -> ImportDocument {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .unreadable("it is not a Word file (.docx): the ZIP archive cannot be read (\(error))")
        }
        guard let body = try part(archive, "word/document.xml") else {
            throw .unreadable("it is not a Word file (.docx): it has no word/document.xml")
        }
        let numbering = try part(archive, "word/numbering.xml").map(WordNumbering.init) ?? WordNumbering()
        let styles = try part(archive, "word/styles.xml").map(WordStyles.init) ?? WordStyles()
        let reader = WordBodyParser(numbering: numbering, styles: styles)
        guard reader.parse(body) else { throw .unreadable("word/document.xml is not well-formed XML") }
        var document = ImportDocument(format: .docx, blocks: reader.blocks)
        document.positionName = "paragraph"
        return document
    }

    static func part(_ archive: Archive, _ path: String) throws(DocumentReader.Failure) -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= partLimit else { throw .unreadable("\(path) is larger than 64 MB once unpacked") }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > Int(partLimit) { throw DocumentReader.Failure.unreadable("\(path) is larger than 64 MB once unpacked") }
            }
        } catch {
            throw .unreadable("\(path) cannot be unpacked (\(error))")
        }
        return data
    }
}

/// Element and attribute names without their namespace prefix (`w:p` → `p`).
func localName(_ name: String) -> String {
    name.split(separator: ":").last.map(String.init) ?? name
}

func attribute(_ attributes: [String: String], _ name: String) -> String? {
    attributes.first { localName($0.key) == name }?.value
}
