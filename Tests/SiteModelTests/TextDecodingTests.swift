import Foundation
import Testing
@testable import SiteModel

@Suite struct TextDecodingTests {
    @Test func plainUTF8() throws {
        let result = try TextDecoding.decode(Data("普陀区\n".utf8)).get()
        #expect(result.text == "普陀区\n")
        #expect(result.encoding == .utf8)
    }

    @Test func byteOrderMarkIsDropped() throws {
        let result = try TextDecoding.decode(Data([0xEF, 0xBB, 0xBF] + Array("id: a\n".utf8))).get()
        #expect(result.text == "id: a\n")
        #expect(result.encoding == .utf8WithBOM)
    }

    @Test func crlfAndLoneCRBecomeLF() throws {
        let result = try TextDecoding.decode(Data("a\r\nb\rc\n".utf8)).get()
        #expect(result.text == "a\nb\nc\n")
        let mixed = try TextDecoding.decode(Data("\r\r\n普\r\n\n陀\r".utf8)).get()
        #expect(mixed.text == "\n\n普\n\n陀\n")
    }

    /// A file of nothing but CRs (19 MB took 11 s and 1.2 GB through Foundation's
    /// replacingOccurrences) is read in one pass.
    @Test func millionsOfCRsAreReadAtOnce() throws {
        let count = 5_000_000
        var text = ""
        let elapsed = try ContinuousClock().measure {
            text = try TextDecoding.decode(Data(repeating: 13, count: count)).get().text
        }
        #expect(text.utf8.count == count && text.utf8.allSatisfy { $0 == 10 })
        #expect(elapsed < .seconds(3), "\(elapsed)")
    }

    @Test func gb18030IsDetected() throws {
        // "安全生产" in GB18030.
        let bytes: [UInt8] = [0xB0, 0xB2, 0xC8, 0xAB, 0xC9, 0xFA, 0xB2, 0xFA, 0x0A]
        let result = try TextDecoding.decode(Data(bytes)).get()
        #expect(result.text == "安全生产\n")
        #expect(result.encoding == .gb18030)
    }

    @Test func binaryIsRefused() {
        #expect(throws: TextDecoding.Failure.binary(offset: 2)) {
            try TextDecoding.decode(Data([0x41, 0x42, 0x00, 0x43])).get()
        }
    }

    @Test func invalidBytesAreLocated() {
        // Line 2, third character: a lone continuation byte that is not GB18030 either (0xFF).
        let bytes = Array("ok\nab".utf8) + [0xFF, 0xFF] + Array("\n".utf8)
        #expect(throws: TextDecoding.Failure.invalidEncoding(line: 2, column: 3)) {
            try TextDecoding.decode(Data(bytes)).get()
        }
    }
}
