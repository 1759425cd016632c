import Foundation
import SiteModel

/// A spreadsheet file as given on the command line: an .xlsx workbook or a .csv
/// file, told apart by their bytes (a workbook is a zip archive) so that a file
/// with the wrong extension is still read. An old binary .xls or an .et/.wps file
/// is refused with what to do.
public enum SheetFile {
    public static func read(_ data: Data, file: String) -> (sheets: [SheetTable], diagnostics: Diagnostics) {
        let location = SourceLocation(file: file)
        var diagnostics = Diagnostics()
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            do {
                return (try XLSXReader.read(data, file: file), diagnostics)
            } catch {
                diagnostics.append(.error(.unreadableFile, at: location, "无法读取工作簿 (cannot read the workbook): \(error)",
                                          hint: "open it in a spreadsheet program and save it again as .xlsx"))
                return ([], diagnostics)
            }
        }
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            diagnostics.append(.error(.unreadableFile, at: location, "旧版 Excel 文件 (an old binary .xls/.et file): gen-site reads .xlsx and .csv",
                                      hint: "save it as .xlsx (Excel 工作簿), or convert it: libreoffice --headless --convert-to xlsx FILE"))
            return ([], diagnostics)
        }
        do {
            let (table, encoding) = try CSVTable.read(data, file: file)
            if encoding == .gb18030 {
                diagnostics.append(.warning(.gb18030, at: location, "按 GB18030 读取 (read as GB18030)", hint: "CSV files are best saved as UTF-8"))
            }
            return ([table], diagnostics)
        } catch {
            diagnostics.append(.error(.unreadableFile, at: location, "不是 .xlsx 或 CSV 文件 (neither an .xlsx workbook nor a CSV file): \(error)",
                                      hint: "save it as .xlsx or as CSV (UTF-8)"))
            return ([], diagnostics)
        }
    }

    /// Whether an output path asks for CSV (`.csv`, any case); anything else is written as .xlsx.
    public static func isCSV(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".csv")
    }
}
