import Foundation
import Testing
import TestSupport

/// The example site in a real browser: the Putuo plan page printed to A4 by headless Chromium
/// (at most 12 portrait pages, its responsibility list a table whose header row repeats), and
/// every kind of page measured at 320, 390 and 1280 px, in Chinese and English and in both
/// large-text steps, for sideways scrolling and for chart labels under 12 px (scripts/page-widths.py). Chromium, poppler-utils
/// and Selenium come from ../shared/tools/install-audit-deps.sh and `make deps`; without them
/// the tests say what is missing and skip.
@Suite(.serialized) struct BrowserLayoutTests {
    static let built: Result<String, any Error> = Result {
        let out = try Fixture.temporaryFolder() + "/public"
        let result = try CommandRunner.genSite(["build", Repository.content, "-o", out, "--no-search-index"])
        guard result.status == 0 else { throw Failure(description: "gen-site build content failed:\n\(result.stderr)") }
        return out
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    static func executable(_ candidates: [String]) -> String? {
        candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let chromium = executable(["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"])
    static let pdfinfo = executable(["/usr/bin/pdfinfo"])
    static let pdftotext = executable(["/usr/bin/pdftotext"])

    /// A Python that has Selenium: site-audit's environment, as scripts/search-check.sh looks for it.
    static let seleniumPython: String? = {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "/root"
        let venv = ProcessInfo.processInfo.environment["SITE_AUDIT_VENV"].map { $0 + "/bin/python" }
        for python in [venv, "/opt/site-audit/venv/bin/python", home + "/.local/share/site-audit/venv/bin/python", "/usr/bin/python3"].compactMap({ $0 })
        where FileManager.default.isExecutableFile(atPath: python) {
            if let result = try? CommandRunner.run(python, ["-c", "import selenium"]), result.status == 0 { return python }
        }
        return nil
    }()

    @Test func putuoPrintsOnAtMostTwelveA4PagesWithItsListAsATable() throws {
        guard let chromium = Self.chromium, let pdfinfo = Self.pdfinfo, let pdftotext = Self.pdftotext else {
            print("BrowserLayoutTests: skipped the print test: needs chromium and poppler-utils (pdfinfo, pdftotext); "
                  + "../shared/tools/install-audit-deps.sh and make deps install them")
            return
        }
        let out = try Self.built.get()
        let pdf = try Fixture.temporaryFolder() + "/putuo.pdf"
        let printed = try CommandRunner.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                                       "--print-to-pdf=\(pdf)", "file://\(out)/plans/putuo-2022/index.html"])
        #expect(FileManager.default.fileExists(atPath: pdf), "chromium printed nothing: \(printed.stderr.suffix(500))")
        let info = try CommandRunner.run(pdfinfo, [pdf]).stdout
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
        let count = try #require(pages, "\(info)")
        print("BrowserLayoutTests: the Putuo plan page prints on \(count) A4 pages")
        #expect(count <= 12, "Putuo's plan page takes \(count) A4 pages")
        #expect(info.contains("595") && info.contains("841") || info.contains("(A4)"), "not A4: \(info)")
        // Portrait: narrower than tall.
        #expect(info.contains("594.96 x 841.92") || info.contains("595 x 842"), "\(info)")

        // The list is a table: its header row, all four headings on one line, starts it and repeats
        // on each page it runs onto; a task's units stand on the same line as its title, not under labels.
        let text = try CommandRunner.run(pdftotext, ["-layout", pdf, "-"]).stdout
        let pagesText = text.components(separatedBy: "\u{0C}")
        let headed = pagesText.filter { page in
            page.split(separator: "\n").contains { line in
                ["序号", "重点任务", "牵头领导", "责任单位", "配合单位", "工作要求"].allSatisfy { line.contains($0) }
            }
        }
        #expect(headed.count >= 2, "the header row is on \(headed.count) page(s)")
        #expect(text.split(separator: "\n").contains { $0.contains("制定“两张清") && $0.contains("姜爱锋") && $0.contains("区应急局") },
                "task 4's title, leader and unit are not on one line: the list printed as cards")
        #expect(text.contains("https://work-safety.example.org/plans/putuo-2022/"), "the page's address is printed")
        #expect(!text.contains("跳到正文") && !text.contains("举报安全隐患 12350"), "navigation printed")

        // A link in a text is followed by its full address on paper (site.js resolves the relative ones).
        let notice = try Fixture.temporaryFolder() + "/notice.pdf"
        _ = try CommandRunner.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(notice)",
                                             "file://\(out)/notices/2024-09-10-lvxiang-2024-2026-published/index.html"])
        let noticeText = try CommandRunner.run(pdftotext, ["-layout", notice, "-"]).stdout
        #expect(noticeText.replacingOccurrences(of: "\n", with: "").contains("方案页面 <file://\(out)/plans/lvxiang-2024-2026/>"), "\(noticeText.prefix(1500))")
    }

    static let pages = ["", "plans/", "plans/putuo-2022/", "plans/lvxiang-2024-2026/", "plans/lvxiang-2024-2026/progress/",
                        "plans/putuo-2022/progress/", "plans/lvxiang-2024-2026/tasks/7/", "units/", "units/lvxiang-city-operations-centre/",
                        "units/putuo-emergency-bureau/", "hazards/", "statistics/", "notices/",
                        "notices/2024-09-10-lvxiang-2024-2026-published/", "report/", "data/", "search/", "translation-status/"]

    @Test func noPageScrollsSidewaysAt320390Or1280() throws {
        guard Self.chromium != nil, FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver"), let python = Self.seleniumPython else {
            print("BrowserLayoutTests: skipped the width test: needs chromium, chromedriver and a Python with Selenium "
                  + "(../shared/tools/install-audit-deps.sh installs them)")
            return
        }
        let out = try Self.built.get()
        let paths = Self.pages.flatMap { [$0, "en/" + $0] } + ["404.html"]
        let result = try CommandRunner.run(python, [Repository.path("scripts/page-widths.py"), out] + paths)
        let wide = result.stdout.split(separator: "\n").filter { $0.hasPrefix("WIDE") || $0.hasPrefix("TINY") }
        #expect(result.status == 0 && wide.isEmpty, "\(wide.joined(separator: "\n"))\n\(result.stderr.suffix(2000))")

        // The page kinds the example site has not: a free page, a replaced plan's banner, a box with every
        // field, the footer with the site's identity (Tests/Fixtures/disclosure).
        let fixture = try Fixture.temporaryFolder() + "/public"
        let built = try CommandRunner.genSite(["build", Repository.fixture("disclosure"), "-o", fixture, "--no-search-index"])
        try #require(built.status == 0, "\(built.stderr)")
        let more = ["pages/interpretation-2024/", "plans/new-2024/", "plans/old-2023/", "notices/2024-05-20-points-published/"]
            .flatMap { [$0, "en/" + $0] }
        let second = try CommandRunner.run(python, [Repository.path("scripts/page-widths.py"), fixture] + more)
        let wider = second.stdout.split(separator: "\n").filter { $0.hasPrefix("WIDE") || $0.hasPrefix("TINY") }
        #expect(second.status == 0 && wider.isEmpty, "\(wider.joined(separator: "\n"))\n\(second.stderr.suffix(2000))")
        // Every page at every width in every text size was measured.
        #expect(result.stdout.contains("\"measured\": \(paths.count * 9), \"wide\": 0, \"tiny_labels\": 0"), "\(result.stdout.suffix(300))")
        // The charts were measured: the statistics page at 320 px draws its labels at 13 px.
        #expect(result.stdout.split(separator: "\n").contains { $0.hasPrefix("ok    320 normal statistics/") && $0.hasSuffix("smallest chart label: 13.0 px") })
    }
}
