import Foundation
import Testing
import TestSupport
@testable import ImportReaders
@testable import SiteModel

/// Which reader a file gets, and the files gen-site does not read.
@Suite struct DocumentReaderTests {
    @Test func theFormatByItsExtensionElseItsBytes() {
        #expect(DocumentReader.format(path: "a.TXT", data: Data()) == .text)
        #expect(DocumentReader.format(path: "a.htm", data: Data()) == .html)
        #expect(DocumentReader.format(path: "a.docx", data: Data()) == .docx)
        #expect(DocumentReader.format(path: "a.wps", data: Data()) == .wps)
        #expect(DocumentReader.format(path: "download", data: Data("%PDF-1.7".utf8)) == .pdf)
        #expect(DocumentReader.format(path: "download", data: Data([0x50, 0x4B, 0x03, 0x04])) == .docx)
        #expect(DocumentReader.format(path: "download", data: Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1])) == .doc)
        #expect(DocumentReader.format(path: "download", data: Data("<!DOCTYPE html><html>".utf8)) == .html)
        #expect(DocumentReader.format(path: "plan", data: Data("一、总体要求".utf8)) == .text)
    }

    @Test func oldWordAndWPSFilesSayHowToConvertThem() {
        for name in ["plan.doc", "plan.wps"] {
            do {
                _ = try DocumentReader.read(Data([0xD0, 0xCF, 0x11, 0xE0]), path: name)
                Issue.record("\(name) was read")
            } catch {
                #expect(error.description.contains("libreoffice --headless --convert-to docx \(name)"), "\(error)")
                #expect(error.description.contains(".docx"))
            }
        }
    }

    @Test func utf16WithItsByteOrderMark() throws {
        let text = "某镇2025年安全生产工作要点\n一、总体要求\n"
        for (bom, encoding) in [([UInt8(0xFF), 0xFE], String.Encoding.utf16LittleEndian), ([0xFE, 0xFF], .utf16BigEndian)] {
            let data = Data(bom) + (try #require(text.data(using: encoding)))
            let read = try DocumentReader.read(data, path: "plan.txt")
            #expect(read.document == TextDocument.read(text), "\(encoding)")
            #expect(read.notes.first?.contains("UTF-16") == true)
        }
        #expect(throws: DocumentReader.Failure.self) { try DocumentReader.read(Data([0xFF, 0xFE, 0x41]), path: "odd.txt") }
    }

    @Test func aBinaryFileIsNotText() {
        #expect(throws: DocumentReader.Failure.self) { try DocumentReader.read(Data([0x41, 0x00, 0x42]), path: "plan.txt") }
    }
}
