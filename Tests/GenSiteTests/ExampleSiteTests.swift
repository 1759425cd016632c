import Foundation
import Testing
import TestSupport
@testable import SiteModel

/// Builds the example site in `content/` with the real binary and checks it:
/// the plans' tables, the unit pages, reproducibility, no external requests,
/// and (where its dependencies are installed) site-audit.
@Suite(.serialized) struct ExampleSiteTests {
    static let built: Result<String, any Error> = Result {
        let out = try Fixture.temporaryFolder() + "/public"
        let result = try CommandRunner.genSite(["build", Repository.content, "-o", out])
        guard result.status == 0 else { throw BuildFailed(stderr: result.stderr) }
        return out
    }

    struct BuildFailed: Error, CustomStringConvertible {
        var stderr: String
        var description: String { "gen-site build content failed:\n\(stderr)" }
    }

    static func site() throws -> ResolvedSite {
        let (site, diagnostics) = ContentPipeline.run(contentRoot: Repository.content, buildDate: nil, today: Day(year: 2024, month: 6, day: 30)!)
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        return try #require(site)
    }

    func page(_ out: String, _ path: String) throws -> String {
        try String(contentsOfFile: out + "/" + path, encoding: .utf8)
    }

    /// The rows of the responsibility table: the task numbers in the order they appear.
    func tableRows(_ html: String) -> [String] {
        guard let start = html.range(of: "<table class=\"responsibility\">"),
              let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex) else { return [] }
        let table = String(html[start.upperBound..<end.lowerBound])
        let regex = try? NSRegularExpression(pattern: #"<td class="col-no"[^>]*><a href="[^"]*">([^<]+)</a></td>"#)
        return regex?.matches(in: table, range: NSRange(table.startIndex..., in: table)).compactMap {
            Range($0.range(at: 1), in: table).map { String(table[$0]) }
        } ?? []
    }

    @Test(arguments: [("putuo-2022", Array(1...23).map(String.init)),
                      ("lvxiang-2024-2026", Array(1...29).map(String.init))])
    func responsibilityTablesHaveOneRowPerTask(plan: String, expected: [String]) throws {
        let out = try Self.built.get()
        for prefix in ["", "en/"] {
            #expect(tableRows(try page(out, "\(prefix)plans/\(plan)/index.html")) == expected)
        }
    }

    @Test func chedunTableHasEveryRowOfItsAttachment() throws {
        let out = try Self.built.get()
        let plan = try #require(try Self.site().plan(PlanID("chedun-2023")))
        // The attachment table in the seed has rows 1–12 (it is cut off after row 12).
        #expect(plan.tasks.map(\.number.rawValue) == Array(1...12).map(String.init))
        #expect(tableRows(try page(out, "plans/chedun-2023/index.html")) == Array(1...12).map(String.init))
    }

    @Test func everyRowLinksItsUnitsToTheirPages() throws {
        let out = try Self.built.get()
        for plan in try Self.site().plans {
            for prefix in ["", "en/"] {
                let html = try page(out, "\(prefix)plans/\(plan.id.rawValue)/index.html")
                for task in plan.tasks {
                    let row = try #require(rowHTML(html, task: task.number.rawValue), "row \(task.number) of \(plan.id)")
                    for ref in task.lead + task.responsible + task.cooperating {
                        let id = try #require(ref.id)
                        #expect(row.contains("href=\"../../units/\(id.rawValue)/\""),
                                "\(prefix)\(plan.id) task \(task.number) lacks a link to \(id)")
                    }
                }
            }
        }
    }

    func rowHTML(_ html: String, task: String) -> String? {
        let marker = "tasks/\(task)/\">\(task)</a></td>"
        guard let hit = html.range(of: marker),
              let rowStart = html.range(of: "<tr>", options: .backwards, range: html.startIndex..<hit.lowerBound),
              let rowEnd = html.range(of: "</tr>", range: hit.upperBound..<html.endIndex) else { return nil }
        return String(html[rowStart.lowerBound..<rowEnd.upperBound])
    }

    @Test func everyUnitUsedHasPagesListingItsTasksByRole() throws {
        let out = try Self.built.get()
        let site = try Self.site()
        for (unit, assignments) in site.assignments {
            for prefix in ["", "en/"] {
                let html = try page(out, "\(prefix)units/\(unit.rawValue)/index.html")
                for role in Set(assignments.map(\.role)) {
                    #expect(html.contains("<h2 id=\"\(role.rawValue)\">"), "\(prefix)units/\(unit) lacks the \(role) section")
                }
                for assignment in assignments {
                    #expect(html.contains("href=\"../../plans/\(assignment.plan.rawValue)/tasks/\(assignment.task.rawValue)/\""),
                            "\(prefix)units/\(unit) lacks \(assignment.plan) task \(assignment.task)")
                }
            }
        }
        for plan in site.plans {
            if let issuer = plan.issuer?.id {
                #expect(FileManager.default.fileExists(atPath: out + "/units/\(issuer.rawValue)/index.html"))
            }
        }
    }

    @Test func plansHaveTheirDisclosureMetadata() throws {
        let out = try Self.built.get()
        for (plan, number, date) in [("putuo-2022", "普安委〔2022〕6号", "2022年8月15日"),
                                     ("chedun-2023", "车府〔2023〕116号", "2023年5月24日"),
                                     ("lvxiang-2024-2026", "金吕安委会〔2024〕2号", "2024年9月10日")] {
            let zh = try page(out, "plans/\(plan)/index.html")
            #expect(zh.contains("<dd>\(number)</dd>"))
            #expect(zh.contains("<dd>\(date)</dd>"))
            #expect(FileManager.default.fileExists(atPath: out + "/en/plans/\(plan)/index.html"))
        }
    }

    /// The progress reports, hazards and statistics of the example are made up:
    /// every page says so, in its language.
    @Test func everyPageCarriesTheSampleNotice() throws {
        let out = try Self.built.get()
        var pages = 0
        for (path, data) in Tree.read(out) where path.hasSuffix("index.html") {
            let html = String(decoding: data, as: UTF8.self)
            let notice = path.hasPrefix("en/") ? "Sample data:" : "示例数据："
            #expect(html.contains("class=\"notice notice-sample\" data-search-ignore>\(notice)"), "\(path) lacks the sample notice")
            pages += 1
        }
        #expect(pages > 200)
    }

    /// Every row of every table has as many cells as its header row (a row
    /// with a cell the header lacks is still valid HTML, so vnu only warns).
    @Test func tableRowsMatchTheirHeaders() throws {
        let out = try Self.built.get()
        let tables = try NSRegularExpression(pattern: #"<table[^>]*>(.*?)</table>"#, options: [.dotMatchesLineSeparators])
        let rows = try NSRegularExpression(pattern: #"<tr[^>]*>(.*?)</tr>"#, options: [.dotMatchesLineSeparators])
        let cells = try NSRegularExpression(pattern: #"<t[hd](?:\s[^>]*)?>"#)
        let colspan = try NSRegularExpression(pattern: #"colspan="(\d+)""#)
        func width(_ row: String) -> Int {
            let range = NSRange(row.startIndex..., in: row)
            let spans = colspan.matches(in: row, range: range).compactMap { Range($0.range(at: 1), in: row).flatMap { Int(row[$0]) } }
            return cells.numberOfMatches(in: row, range: range) + spans.reduce(0) { $0 + $1 - 1 }
        }
        var checked = 0
        for (path, data) in Tree.read(out) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for table in tables.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                guard let body = Range(table.range(at: 1), in: html).map({ String(html[$0]) }) else { continue }
                let widths = rows.matches(in: body, range: NSRange(body.startIndex..., in: body)).compactMap {
                    Range($0.range(at: 1), in: body).map { width(String(body[$0])) }
                }
                guard let header = widths.first else { continue }
                #expect(widths.allSatisfy { $0 == header }, "\(path): a table has rows of widths \(Set(widths).sorted()), its header \(header)")
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    @Test func nothingIsLoadedFromOutsideTheSite() throws {
        let out = try Self.built.get()
        let external = try NSRegularExpression(pattern: #"(?:\ssrc|\ssrcset|\sdata|\sposter)\s*=\s*"(?:https?:)?//|<link[^>]*rel="stylesheet"[^>]*href="(?:https?:)?//|@import|url\(\s*['"]?(?:https?:)?//"#, options: [.caseInsensitive])
        for (path, data) in Tree.read(out) where path.hasSuffix(".html") || path.hasSuffix(".css") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(external.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil, "\(path) loads something from another site")
        }
    }

    @Test func buildsAreByteIdenticalAndMatchASingleThreadedBuild() throws {
        let first = try Self.built.get()
        let second = try Fixture.temporaryFolder() + "/public"
        #expect(try CommandRunner.genSite(["build", Repository.content, "-o", second]).status == 0)
        let single = try Fixture.temporaryFolder() + "/public"
        #expect(try CommandRunner.genSite(["build", Repository.content, "-o", single, "--single-threaded"]).status == 0)
        let a = Tree.read(first)
        #expect(a.count > 100)
        #expect(Tree.differences(a, Tree.read(second)).isEmpty)
        #expect(Tree.differences(a, Tree.read(single)).isEmpty)
    }

    /// The whole output of the example site, file by file (size and FNV-1a 64 of the bytes), is
    /// the reviewed output in Golden/example-site.files: a refactoring or a speed-up changes no
    /// byte of it, and any change of the output shows here, to be reviewed with the page goldens.
    @Test func theWholeOutputIsTheReviewedOutput() throws {
        let listing = Tree.listing(try Self.built.get())
        let diff = Golden.compare(listing, to: Repository.path("Tests/GenSiteTests/Golden/example-site.files"))
        #expect(diff == nil, "\(diff ?? "")")
    }

    /// site-audit (../shared/tools) judges the built site when it and its
    /// dependencies are installed; `make audit` and CI run it too.
    @Test func siteAuditPasses() throws {
        let audit = ProcessInfo.processInfo.environment["SITE_AUDIT"] ?? Repository.path("../shared/tools/site-audit")
        guard FileManager.default.isExecutableFile(atPath: audit),
              (try? CommandRunner.run(audit, ["--check-deps"]).status) == 0 else {
            print("site-audit or its dependencies are not installed; skipped (make audit runs it)")
            return
        }
        let out = try Self.built.get()
        let result = try CommandRunner.run(audit, [out])
        let summary = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(result.status == 0, "site-audit failed: \(summary)\n\(result.stdout.suffix(3000))")
        #expect(summary.contains(" 0 html errors") && summary.contains("(0 serious/critical)") && summary.hasSuffix(" 0 broken links"))
    }
}
