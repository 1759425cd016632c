import Foundation
import Testing
import TestSupport
@testable import SiteModel

/// The spreadsheet commands end to end: a progress form exported, filled in by
/// LibreOffice (to CSV, cells changed, back to .xlsx, as a unit's clerk would
/// leave it), imported into the expected report; bad forms refused at their cells
/// with nothing written; LibreOffice keeping the form's hidden key, drop-down and
/// protection; every example plan's list out and back in byte for byte.
/// Tests that need LibreOffice skip, saying why, when it is not installed (CI installs it).
@Suite(.serialized) struct SpreadsheetCommandTests {
    static let plan = "lvxiang-2024-2026"

    static func content() throws -> String {
        let folder = try Fixture.temporaryFolder() + "/content"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Fixture.copyTree(from: Repository.content, to: folder)
        return folder
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// A CSV row as LibreOffice writes it back: every field quoted when it needs it.
    static func csv(_ rows: [[String]]) -> String {
        rows.map { row in
            row.map { field in
                field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }

    /// The form as CSV rows, with answers put in by task number (status, percent, note) and rows reordered.
    static func fill(_ rows: [[String]], _ answers: [String: [String]], edit: (inout [[String]]) -> Void = { _ in }) -> [[String]] {
        var rows = rows
        let header = rows.firstIndex { $0.contains { $0.hasPrefix("本期状态") } } ?? 0
        let status = rows[header].firstIndex { $0.hasPrefix("本期状态") } ?? 8
        for index in rows.indices where index > header {
            guard let key = rows[index].first, let task = key.split(separator: "#").last, let answer = answers[String(task)] else { continue }
            while rows[index].count < status + 3 { rows[index].append("") }
            rows[index][status..<(status + 3)] = answer[...]
        }
        // The clerk sorts the tasks the other way round: the hidden key still matches them.
        rows = Array(rows[...header]) + rows[(header + 1)...].reversed()
        edit(&rows)
        return rows
    }

    @Test(.enabled(if: LibreOffice.isAvailable, "LibreOffice (libreoffice-calc) is not installed"))
    func aFormFilledInLibreOfficeBecomesTheExpectedReport() throws {
        let content = try Self.content()
        let work = try Fixture.temporaryFolder()
        let export = try CommandRunner.genSite(["export", "progress-form", content, "--plan", Self.plan, "--unit", "lvxiang-police-station",
                                                "--period", "2025-12", "-o", work + "/派出所.xlsx"])
        #expect(export.status == 0, "\(export.stderr)")
        // LibreOffice: the form to CSV, the answers typed in, back to .xlsx.
        let rows = try LibreOffice.csvRows(of: work + "/派出所.xlsx", in: work)
        #expect(rows.count == 9, "title, plan, unit, period, date, header and tasks 6, 7, 9: \(rows)")
        let filled = Self.fill(rows, ["6": ["已完成", "100", "配合完成排查12次"], "7": ["推进中", "90", "消防通道整治完成\n第二批"],
                                      "9": ["滞后", "", ""]])
        try Self.write(Self.csv(filled), to: work + "/filled/派出所.csv")
        let xlsx = try LibreOffice.xlsx(from: work + "/filled/派出所.csv", in: work + "/back")
        // The city operations centre answers through CSV, with no spreadsheet program.
        let city = try CommandRunner.genSite(["export", "progress-form", content, "--plan", Self.plan, "--unit", "lvxiang-city-operations-centre",
                                              "--period", "2025-12", "-o", work + "/城运中心.csv"])
        #expect(city.status == 0, "\(city.stderr)")
        let cityRows = try LibreOffice.parse(try String(contentsOfFile: work + "/城运中心.csv", encoding: .utf8))
        try Data(Self.csv(Self.fill(cityRows, ["7": ["滞后", "70", "施工影响"]])).utf8).write(to: URL(fileURLWithPath: work + "/城运中心.csv"))

        let result = try CommandRunner.genSite(["import", "progress", xlsx, work + "/城运中心.csv", "--plan", Self.plan,
                                                "--period", "2025-12", "-o", content])
        #expect(result.status == 0, "\(result.stderr)\(result.stdout)")
        let report = try String(contentsOfFile: content + "/plans/\(Self.plan)/progress/2025-12.yaml", encoding: .utf8)
        #expect(report == """
            # 2025-12: merged by gen-site import progress from 2 form(s): 派出所.xlsx (lvxiang-police-station), 城运中心.csv (lvxiang-city-operations-centre)
            as_of: 2025-12-31
            updates:
              - task: 6
                status: done
                percent: 100
                note: "配合完成排查12次"
              - task: 7
                status: delayed
                percent: 70
                note:
                  zh: |-
                    城运中心：施工影响
                    派出所：消防通道整治完成
                    第二批
              - task: 9
                status: delayed

            """)
        #expect(result.stdout.contains("note: task 7: 城运中心 滞后 70%, 派出所 推进中 90% → 滞后 70%"), "\(result.stdout)")
        let check = try CommandRunner.genSite(["check", content])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test(.enabled(if: LibreOffice.isAvailable, "LibreOffice (libreoffice-calc) is not installed"))
    func badFormsGiveLocatedErrorsAndWriteNothing() throws {
        let content = try Self.content()
        let work = try Fixture.temporaryFolder()
        let export = try CommandRunner.genSite(["export", "progress-form", content, "--plan", Self.plan, "--unit", "lvxiang-police-station",
                                                "--period", "2025-12", "-o", work + "/form.xlsx"])
        #expect(export.status == 0, "\(export.stderr)")
        let rows = try LibreOffice.csvRows(of: work + "/form.xlsx", in: work)
        let good = ["6": ["已完成", "100", ""], "7": ["推进中", "90", ""], "9": ["滞后", "", ""]]
        var variants: [String: [[String]]] = [:]
        // The first task row (row 7) after reversing is task 9.
        variants["status"] = Self.fill(rows, good.merging(["9": ["进行中", "", ""]]) { $1 })
        variants["date"] = Self.fill(rows, good) { rows in rows[4][3] = "2025年12月31日" }
        variants["nokey"] = Self.fill(rows, good) { rows in rows = rows.map { Array($0.dropFirst()) } }
        variants["plan"] = Self.fill(rows, good) { rows in rows[1][3] = "putuo-2022" }
        var found: [String] = []
        for (name, variant) in variants.sorted(by: { $0.key < $1.key }) {
            try Self.write(Self.csv(variant), to: "\(work)/csv/\(name).csv")
            let file = try LibreOffice.xlsx(from: "\(work)/csv/\(name).csv", in: work + "/xlsx")
            let result = try CommandRunner.genSite(["import", "progress", file, "--plan", Self.plan, "--period", "2025-12", "-o", content])
            #expect(result.status == 1, "\(name): \(result.stderr)")
            #expect(result.stderr.contains("nothing was written"))
            #expect(!FileManager.default.fileExists(atPath: content + "/plans/\(Self.plan)/progress/2025-12.yaml"))
            for line in result.stderr.split(separator: "\n") where line.contains(": error[") {
                let place = line.components(separatedBy: ": error[")[0].split(separator: "/").last.map(String.init) ?? ""
                let code = line.components(separatedBy: "error[")[1].prefix { $0 != "]" }
                found.append("\(place) \(code)")
            }
            if name == "status" { #expect(result.stderr.contains("status \"进行中\" is not one of 未启动, 推进中, 滞后, 已完成"), "\(result.stderr)") }
        }
        #expect(found == ["date.xlsx!date!D5 invalid-date", "nokey.xlsx!nokey!A6 missing-column", "plan.xlsx!plan!D2 wrong-plan",
                          "status.xlsx!status!I7 invalid-value"])
    }

    @Test(.enabled(if: LibreOffice.isAvailable, "LibreOffice (libreoffice-calc) is not installed"))
    func libreOfficeKeepsTheFormsKeyDropDownAndProtection() throws {
        let content = try Self.content()
        let work = try Fixture.temporaryFolder()
        let form = work + "/form.xlsx"
        #expect(try CommandRunner.genSite(["export", "progress-form", content, "--plan", Self.plan, "--unit", "lvxiang-police-station",
                                           "--period", "2025-12", "-o", form]).status == 0)
        // Opened and saved again by LibreOffice as .xlsx.
        let resaved = try LibreOffice.xlsx(from: form, in: work + "/resaved")
        let sheet = try #require(try LibreOffice.part("xl/worksheets/sheet1.xml", of: resaved))
        #expect(sheet.contains("<dataValidation") && sheet.contains("未启动,推进中,滞后,已完成"), "the drop-down survives")
        #expect(sheet.contains("<sheetProtection"), "the protection survives")
        #expect(sheet.contains(#"hidden="true""#) || sheet.contains(#"hidden="1""#), "the key column stays hidden")
        let result = try CommandRunner.genSite(["import", "progress", resaved, "--plan", Self.plan, "--period", "2025-12", "-o", content])
        // Nothing filled in: an empty report of one form, as of the form's date.
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 task(s) left blank"), "\(result.stdout)")
    }

    @Test(arguments: ["putuo-2022", "chedun-2023", "lvxiang-2024-2026"])
    func exportTasksThenImportTasksGivesTheSameFile(_ plan: String) throws {
        let content = try Self.content()
        let work = try Fixture.temporaryFolder()
        let original = try String(contentsOfFile: content + "/plans/\(plan)/tasks.yaml", encoding: .utf8)
        for name in ["list.xlsx", "list.csv"] {
            #expect(try CommandRunner.genSite(["export", "tasks", content, "--plan", plan, "-o", work + "/" + name]).status == 0)
            let result = try CommandRunner.genSite(["import", "tasks", work + "/" + name, "--plan", plan, "-o", content])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("changed: none"), "\(result.stdout)")
            #expect(try String(contentsOfFile: content + "/plans/\(plan)/tasks.yaml", encoding: .utf8) == original)
        }
    }

    @Test func usageAndRefusals() throws {
        let content = try Self.content()
        #expect(try CommandRunner.genSite(["import", "progress", "x.xlsx", "--plan", Self.plan, "--period", "2025-13", "-o", content]).status == 2)
        #expect(try CommandRunner.genSite(["export", "progress-form", content, "--plan", Self.plan, "--period", "25-06", "-o", "x.xlsx"]).status == 2)
        let missing = try CommandRunner.genSite(["export", "tasks", content, "--plan", "no-such-plan", "-o", "/dev/null"])
        #expect(missing.status == 1 && missing.stderr.contains("no plan no-such-plan"))
        // A report that exists is replaced only with --force.
        let work = try Fixture.temporaryFolder()
        #expect(try CommandRunner.genSite(["export", "progress-form", content, "--plan", Self.plan, "--period", "2025-06", "-o", work + "/all.csv"]).status == 0)
        let refused = try CommandRunner.genSite(["import", "progress", work + "/all.csv", "--plan", Self.plan, "--period", "2025-06", "-o", content])
        #expect(refused.status == 1 && refused.stderr.contains("use --force"), "\(refused.stderr)")
        // A list that differs from tasks.yaml is written only with --force.
        var rows = try LibreOffice.parse(try String(contentsOfFile: work + "/all.csv", encoding: .utf8))
        rows = [["序号", "重点任务"]] + (1...12).map { ["\($0)", "任务\($0)"] }
        try Data(Self.csv(rows).utf8).write(to: URL(fileURLWithPath: work + "/list.csv"))
        let list = try CommandRunner.genSite(["import", "tasks", work + "/list.csv", "--plan", "chedun-2023", "-o", content])
        #expect(list.status == 1 && list.stderr.contains("use --force"), "\(list.stderr)\(list.stdout)")
        // The plain-text plan importer is still `import FILE`.
        let text = try CommandRunner.genSite(["import", Repository.fixture("seeds/chedun-2023.txt"), "-o", content, "--id", "chedun-copy"])
        #expect(text.status == 0, "\(text.stderr)")
    }
}

/// LibreOffice headless, each run with a profile of its own so that runs do not wait on each other.
enum LibreOffice {
    static let executable: String? = {
        for name in ["soffice", "libreoffice"] {
            for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
                let path = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }()

    static var isAvailable: Bool {
        if executable == nil { print("skipped: LibreOffice (soffice, from Debian's libreoffice-calc) is not on the PATH; make test installs it") }
        return executable != nil
    }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    static func convert(_ file: String, to filter: String, in folder: String, inputFilter: String? = nil) throws -> String {
        guard let executable else { throw Failed(description: "no LibreOffice") }
        let profile = try Fixture.temporaryFolder()
        var arguments = ["-env:UserInstallation=file://\(profile)", "--headless", "--norestore"]
        if let inputFilter { arguments.append("--infilter=\(inputFilter)") }
        arguments += ["--convert-to", filter, "--outdir", folder, file]
        let result = try CommandRunner.run(executable, arguments, environment: ["HOME": profile])
        let base = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let ext = filter.split(separator: ":").first.map(String.init) ?? filter
        let out = "\(folder)/\(base).\(ext)"
        guard result.status == 0, FileManager.default.fileExists(atPath: out) else {
            throw Failed(description: "soffice \(arguments.joined(separator: " ")): \(result.status)\n\(result.stdout)\(result.stderr)")
        }
        return out
    }

    /// The first sheet as CSV rows (UTF-8, comma, double quotes).
    static func csvRows(of xlsx: String, in folder: String) throws -> [[String]] {
        let csv = try convert(xlsx, to: "csv:Text - txt - csv (StarCalc):44,34,76,1", in: folder + "/lo-csv")
        return try parse(try String(contentsOfFile: csv, encoding: .utf8))
    }

    static func parse(_ text: String) throws -> [[String]] {
        let (records, failure) = CSVReader.parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        if let failure { throw Failed(description: failure.message) }
        return records.map(\.fields)
    }

    static func xlsx(from file: String, in folder: String) throws -> String {
        try convert(file, to: "xlsx:Calc MS Excel 2007 XML", in: folder, inputFilter: file.hasSuffix(".csv") ? "CSV:44,34,76,1" : nil)
    }

    /// A part of a workbook, through Python's zipfile (python3 is one of make deps' packages).
    static func part(_ name: String, of xlsx: String) throws -> String? {
        let script = "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode('utf-8'))"
        let result = try CommandRunner.run("/usr/bin/env", ["python3", "-c", script, xlsx, name])
        return result.status == 0 ? result.stdout : nil
    }
}
