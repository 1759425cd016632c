import Foundation
import Testing
import TestSupport
@testable import ImportReaders
@testable import SiteModel

/// `pdftotext -layout` output as it comes, read back into paragraphs and tables.
@Suite struct PDFLayoutTests {
    func lines(_ document: ImportDocument) -> [String] {
        document.blocks.compactMap { if case .text(let line) = $0 { line.text } else { nil } }
    }

    /// Full lines go on whatever they end with; an indented line starts a paragraph; a centred line
    /// stands alone; a page number between the lines is left out and the paragraph goes on.
    @Test func paragraphsByTheirGeometry() {
        let layout = """
                        某某镇人民政府文件
                        某府发〔2025〕3 号
              某镇 2025 年安全生产工作要点
          为进一步压实安全生产责任，有效防范各类生产安全事故，结合
        实际，进一步强化责任落实；全面排查整治重大事故隐患，确保安全。
        全镇安全生产形势持续稳定向好。
          一、总体要求
          全年不发生较大及以上生产安全事故，生产安全事故起数和死亡
                                  - 2 -
        \u{0C}人数持续下降，安全生产形势保持稳定。

        """
        let document = PDFLayout.document(layout)
        #expect(lines(document) == ["某某镇人民政府文件", "某府发〔2025〕3 号", "某镇 2025 年安全生产工作要点",
                                    "为进一步压实安全生产责任，有效防范各类生产安全事故，结合实际，进一步强化责任落实；全面排查整治重大事故隐患，确保安全。全镇安全生产形势持续稳定向好。",
                                    "一、总体要求", "全年不发生较大及以上生产安全事故，生产安全事故起数和死亡人数持续下降，安全生产形势保持稳定。"])
        #expect(document.leftOut.map(\.line) == [9])
        #expect(document.pageStarts == [1, 10])
        #expect(document.place(11) == "page 2, line 2")
    }

    /// A line as pdftotext pads it: each piece starts after as many characters as its place.
    func placed(_ pieces: [(Int, String)]) -> String {
        var line = ""
        for (at, text) in pieces {
            line += String(repeating: " ", count: max(at - line.count, line.isEmpty ? 0 : 1)) + text
        }
        return line
    }

    /// A table read by its columns: a sub-heading row, cells wrapped over lines, cells centred on
    /// their row (the number on the middle line, rows apart by blank lines), two units in a cell,
    /// and the header again on the next page.
    @Test func aTableByItsColumns() throws {
        let header = placed([(0, "序号"), (10, "重点任务"), (22, "牵头单位"), (30, "配合单位"), (38, "完成时限")])
        let layout = ["二、重点任务", header, "", "一、压实责任", "",
                      placed([(5, "召开镇安委会全体会议，部"), (38, "2025 年 3 月")]),
                      placed([(0, "1"), (18, "镇安委办"), (29, "党政办")]),
                      placed([(5, "署全年安全生产工作"), (37, "底前")]), "",
                      placed([(29, "各村（居） 2025 年 4 月")]),
                      placed([(0, "2"), (5, "签订年度安全生产责任书"), (18, "镇安委办")]),
                      placed([(29, "镇属公司"), (39, "底前")]),
                      placed([(20, "- 5 -")]),
                      "\u{0C}" + header,
                      placed([(0, "3"), (5, "开展燃气安全检查"), (18, "规划建设办"), (29, "市场监管所"), (38, "全年")]), "",
                      "三、保障措施"].joined(separator: "\n")
        let document = PDFLayout.document(layout)
        #expect(lines(document) == ["二、重点任务", "三、保障措施"])
        let table = try #require(document.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }.first)
        #expect(table.rows.map { $0.map(\.lines) } == [
            [["序号"], ["重点任务"], ["牵头单位"], ["配合单位"], ["完成时限"]],
            [["一、压实责任"]],
            [["1"], ["召开镇安委会全体会议，部\u{2028}署全年安全生产工作"], ["镇安委办"], ["党政办"], ["2025 年 3 月\u{2028}底前"]],
            [["2"], ["签订年度安全生产责任书"], ["镇安委办"], ["各村（居）\u{2028}镇属公司"], ["2025 年 4 月\u{2028}底前"]],
            [["3"], ["开展燃气安全检查"], ["规划建设办"], ["市场监管所"], ["全年"]],
        ], "a cell's lines apart by U+2028: a title's joined later, two units stay two")
        #expect(document.leftOut.map(\.reason) == ["page-break debris: - 5 -", "the table's header again (a page break)"])
    }

    @Test func segmentsAndWidths() {
        #expect(PDFLayout.columns("某镇 2025") == 9, "a Chinese character takes two columns of a line's width")
        #expect(PDFLayout.segments("1    开展检查  镇安委办").map(\.text) == ["1", "开展检查", "镇安委办"])
        #expect(PDFLayout.segments("1    开展检查  镇安委办").map(\.start) == [0, 5, 11], "characters before a word: its place")
        #expect(PDFLayout.segments("各村（居） 2025 年", wordsOnly: true).map(\.text) == ["各村（居）", "2025", "年"])
        #expect(PDFLayout.joined("consult the", "plan") == "consult the plan")
        #expect(PDFLayout.joined("安全生产", "工作") == "安全生产工作")
    }
}
