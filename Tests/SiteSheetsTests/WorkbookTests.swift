import Foundation
import SiteModel
import Testing
@testable import SiteSheets

/// The .xlsx writer and reader, and CSV: what is written is read back as it was.
@Suite struct WorkbookTests {
    static func sample() -> Worksheet {
        var sheet = Worksheet(name: "表一")
        sheet.columns[1] = ColumnFormat(width: 12, isHidden: true)
        sheet.append([.text("key-1", .key), SheetCell(.number(7), .number), .text("第一行\n第二行", .text), SheetCell(.date(Day(iso: "2025-06-30")!), .date)])
        sheet.append([.text(" leading space", .inputText), SheetCell(.number(12.5), .inputNumber), .text("控制\u{1}字符 _x0041_ 不变", .text)])
        sheet.append([.text("合并", .group), .empty(.group), .empty(.group)])
        sheet.merges.append(CellRange(CellAddress(row: 3, column: 1), CellAddress(row: 3, column: 3)))
        sheet.validations.append(DataValidation(.list(["未启动", "推进中"]), range: CellRange(CellAddress(row: 1, column: 2), CellAddress(row: 2, column: 2)),
                                                promptTitle: "t", prompt: "p", errorTitle: "e", error: "x"))
        sheet.isProtected = true
        sheet.headerRows = 1
        return sheet
    }

    @Test func whatIsWrittenIsReadBack() throws {
        let data = try XLSXWriter.data([Self.sample(), Worksheet(name: "Sheet/2?")], title: "测试")
        let sheets = try XLSXReader.read(data, file: "t.xlsx")
        #expect(sheets.map(\.name) == ["表一", "Sheet2"])
        let sheet = sheets[0]
        #expect(sheet.value(row: 1, column: 1) == .text("key-1"))
        #expect(sheet.value(row: 1, column: 2) == .number(7, .plain))
        #expect(sheet.value(row: 1, column: 3) == .text("第一行\n第二行"))
        #expect(sheet.value(row: 1, column: 4)?.text == "2025-06-30", "a date cell reads as its day")
        #expect(sheet.value(row: 2, column: 1) == .text(" leading space"))
        #expect(sheet.value(row: 2, column: 2) == .number(12.5, .plain))
        #expect(sheet.value(row: 2, column: 3) == .text("控制\u{1}字符 _x0041_ 不变"), "control characters and literal _xHHHH_ survive")
        #expect(sheet.merges == [CellRange(CellAddress(row: 3, column: 1), CellAddress(row: 3, column: 3))])
        #expect(sheet.shown(row: 3, column: 2) == .text("合并"), "a merged cell shows the range's first cell")
        #expect(sheet.hiddenColumns == [1])
        #expect(sheet.location(row: 2, column: 3).description == "t.xlsx!表一!C2")
    }

    @Test func theSameSheetsGiveTheSameBytes() throws {
        let a = try XLSXWriter.data([Self.sample()], title: "x")
        let b = try XLSXWriter.data([Self.sample()], title: "x")
        #expect(a == b)
    }

    @Test func aCellTooLongForASpreadsheetIsRefused() {
        var sheet = Worksheet(name: "S")
        sheet.append([.text(String(repeating: "字", count: 40_000))])
        #expect(throws: XLSXWriter.Failure.self) { try XLSXWriter.data([sheet], title: "x") }
    }

    @Test func notAWorkbookIsAFailureNotACrash() {
        #expect(throws: XLSXReader.Failure.self) { try XLSXReader.read(Data("PK\u{3}\u{4}garbage".utf8), file: "x.xlsx") }
        #expect(throws: XLSXReader.Failure.self) { try XLSXReader.read(Data(), file: "x.xlsx") }
        let (sheets, diagnostics) = SheetFile.read(Data([0xD0, 0xCF, 0x11, 0xE0, 0, 0]), file: "old.xls")
        #expect(sheets.isEmpty)
        #expect(diagnostics.items.map(\.code) == ["unreadable-file"])
    }

    @Test func cellAddressesAndColumnNames() {
        #expect(CellAddress(reference: "D7") == CellAddress(row: 7, column: 4))
        #expect(CellAddress(reference: "$AA$10") == CellAddress(row: 10, column: 27))
        #expect(CellAddress(reference: "7D") == nil)
        #expect(CellAddress(reference: "D") == nil)
        #expect(SourceLocation.columnName(1) == "A")
        #expect(SourceLocation.columnName(26) == "Z")
        #expect(SourceLocation.columnName(28) == "AB")
        #expect(SourceLocation.cell(file: "a.csv", sheet: "", row: 3, column: 2).description == "a.csv!B3")
    }

    @Test func dateSerials() {
        #expect(ExcelDate.serial(Day(iso: "2025-06-30")!) == 45838)
        #expect(ExcelDate.day(serial: 45838)?.description == "2025-06-30")
        #expect(ExcelDate.day(serial: 45838.75)?.description == "2025-06-30", "a time of day is dropped")
        #expect(ExcelDate.day(serial: 61)?.description == "1900-03-01")
        #expect(ExcelDate.day(serial: 60) == nil, "1900-02-29 never was")
        #expect(ExcelDate.day(serial: 1)?.description == "1900-01-01")
        #expect(ExcelDate.day(serial: 0, is1904: true) == nil)
        #expect(ExcelDate.day(serial: 44376, is1904: true)?.description == "2025-06-30")
    }

    @Test func csvRowsAreTheRowsASpreadsheetShows() throws {
        let text = "\u{FEFF}a,b\r\n\r\n\"two\nlines\",c\r\nd,\"e,\"\"f\"\"\"\r\n"
        let (table, _) = try CSVTable.read(Data(text.utf8), file: "t.csv")
        #expect(table.value(row: 1, column: 1) == .text("a"))
        #expect(table.value(row: 3, column: 1) == .text("two\nlines"), "a blank line is row 2")
        #expect(table.value(row: 4, column: 2) == .text("e,\"f\""), "a quoted line break stays in its row")
        var sheet = Worksheet(name: "x")
        sheet.append([.text("a,b"), SheetCell(.number(3)), SheetCell(.date(Day(iso: "2024-01-02")!)), .text("x\ny")])
        let written = String(decoding: CSVTable.write(sheet), as: UTF8.self)
        #expect(written == "\u{FEFF}\"a,b\",3,2024-01-02,\"x\r\ny\"\r\n")
    }

    @Test func gb18030CSVIsReadWithAWarning() throws {
        // "no,task\n1,消防检查\n" as GB18030 saves it.
        let data = Data("no,task\n1,".utf8) + Data([0xCF, 0xFB, 0xB7, 0xC0, 0xBC, 0xEC, 0xB2, 0xE9, 0x0A])
        let (sheets, diagnostics) = SheetFile.read(data, file: "gbk.csv")
        #expect(sheets.first?.value(row: 2, column: 2) == .text("消防检查"))
        #expect(diagnostics.items.map { $0.code } == ["gb18030"])
    }
}
