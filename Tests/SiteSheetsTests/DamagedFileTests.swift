import Foundation
import SiteModel
import Testing
@testable import SiteSheets

/// Damaged spreadsheets never crash the readers: a form and a list with bytes
/// changed, cut short or repeated are read or refused with a diagnostic.
@Suite struct DamagedFileTests {
    /// A small deterministic generator (xorshift), so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(max(bound, 1)))
        }
    }

    static func sample() throws -> Data {
        var sheet = Worksheet(name: "进展填报")
        sheet.append([.text("键"), .text("序号"), .text("本期状态"), .text("完成百分比"), .text("进展情况")])
        sheet.append([.text("p#1"), SheetCell(.number(1)), .text("推进中"), SheetCell(.number(50)), .text("说明\n第二行")])
        sheet.merges.append(CellRange(CellAddress(row: 1, column: 1), CellAddress(row: 1, column: 2)))
        return try XLSXWriter.data([sheet], title: "t")
    }

    @Test func damagedWorkbooksAreReadOrRefused() throws {
        let original = try Self.sample()
        var generator = Generator(state: 0x9E37_79B9_7F4A_7C15)
        var refused = 0
        for round in 0..<2000 {
            var bytes = [UInt8](original)
            switch round % 4 {
            case 0: for _ in 0...generator.next(8) { bytes[generator.next(bytes.count)] = UInt8(generator.next(256)) }
            case 1: bytes = Array(bytes.prefix(generator.next(bytes.count)))
            case 2:
                let start = generator.next(bytes.count), length = generator.next(64)
                bytes.insert(contentsOf: bytes[start..<min(bytes.count, start + length)], at: generator.next(bytes.count))
            default: bytes[generator.next(bytes.count)] ^= 0xFF
            }
            let (sheets, diagnostics) = SheetFile.read(Data(bytes), file: "d.xlsx")
            if sheets.isEmpty { refused += 1; #expect(diagnostics.hasErrors) }
            var readDiagnostics = Diagnostics()
            if !sheets.isEmpty { _ = ProgressFormReader.read(sheets, diagnostics: &readDiagnostics) }
        }
        #expect(refused > 0)
    }

    @Test func damagedCSVIsReadOrRefused() {
        var generator = Generator(state: 42)
        let original = [UInt8]("\u{FEFF}键,序号,本期状态\r\n\"p#1\",1,\"推进\n中\"\r\n".utf8)
        for _ in 0..<400 {
            var bytes = original
            for _ in 0...generator.next(6) { bytes[generator.next(bytes.count)] = UInt8(generator.next(256)) }
            let (sheets, _) = SheetFile.read(Data(bytes), file: "d.csv")
            var diagnostics = Diagnostics()
            if !sheets.isEmpty { _ = ProgressFormReader.read(sheets, diagnostics: &diagnostics) }
        }
    }
}
